import { Injectable } from '@nestjs/common';
import { canRead } from '@jalons/domain';

import { SESSION_COOKIE, SessionsService } from '../auth';
import { SiteQueries } from './site.queries';

/** A roadmap's page whose first reads only the server can name: the API addresses, given the roadmap's id. */
interface RoadmapPage {
  path: RegExp;
  /** query parameters that change what the page reads (then nothing is announced) */
  changedBy: string[];
  reads: (id: string) => string[];
}

const inRoadmap = (id: string, rest = '') => `/api/roadmaps/${encodeURIComponent(id)}${rest}`;

const PAGES: RoadmapPage[] = [
  // the overview of today: the roadmap and its functions, asked at once (overview-page.ts); `?at=` is another day
  { path: /^\/r\/([^/]+)\/?$/, changedBy: ['at'], reads: (id) => [inRoadmap(id), inRoadmap(id, '/functions')] },
  // the chronogram of the whole roadmap: not one function's (`?fonction=`), nor a baseline's (`?ligne=`)
  { path: /^\/r\/([^/]+)\/chronogramme\/?$/, changedBy: ['fonction', 'ligne'], reads: (id) => [inRoadmap(id, '/chronogram')] },
];

/**
 * The first API reads of a signed-in page that only the server can name from its address: a roadmap's pages read it
 * by its id, which the web app learns from the roadmap list two round trips after the start (session, then list).
 * With a valid session, the index page announces them (`<link rel="preload" as="fetch">`, ADR 0039), so the browser
 * reads them beside main.js. Nothing for a visitor without a session, an unknown slug, or a query that changes the
 * page's reads: the announced address must be exactly the one the page asks for, or the browser reads it twice.
 */
@Injectable()
export class PagePreloads {
  constructor(
    private readonly sessions: SessionsService,
    private readonly queries: SiteQueries,
  ) {}

  /** The API addresses to announce for this page, given its path, its query and the request's cookies. */
  async of(path: string, query: Record<string, unknown>, cookies: Record<string, unknown> | undefined): Promise<string[]> {
    const token = cookies?.[SESSION_COOKIE];
    if (!token) return [];
    const page = PAGES.find((p) => p.path.test(path));
    const match = page?.path.exec(path);
    if (!page || !match || page.changedBy.some((name) => query[name] !== undefined)) return [];
    let slug: string;
    try {
      slug = decodeURIComponent(match[1]);
    } catch {
      return [];
    }
    if (!canRead(await this.sessions.resolve(token))) return [];
    const id = await this.queries.roadmapIdOfSlug(slug);
    return id ? page.reads(id) : [];
  }
}
