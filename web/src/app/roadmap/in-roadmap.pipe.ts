import { Pipe, PipeTransform } from '@angular/core';

import { roadmapPath } from './roadmap-path';

/**
 * A roadmap page's link from its path inside the roadmap: `['/actions', id] | inRoadmap: slug` →
 * `['/r', slug, 'actions', id]`. Without a slug (nothing loaded yet) the link is left as it is
 * (the old path, which redirects).
 */
@Pipe({ name: 'inRoadmap' })
export class InRoadmapPipe implements PipeTransform {
  transform(link: ReadonlyArray<string | number>, slug: string | null | undefined): Array<string | number> {
    if (!slug) return [...link];
    const [first, ...rest] = link;
    const head = typeof first === 'string' ? first.replace(/^\/+/, '') : first;
    return roadmapPath(slug, ...(head === '' || head === undefined ? [] : [head]), ...rest);
  }
}
