import { Injectable } from '@nestjs/common';
import { canRead } from '@jalons/domain';

import { SESSION_COOKIE, SessionsService } from '../auth';
import { SiteQueries } from './site.queries';

/** The chronogram page of a whole roadmap: `/r/<slug>/chronogramme`, with neither `?fonction=` nor `?ligne=` (a baseline). */
const WHOLE_CHRONOGRAM = /^\/r\/([^/]+)\/chronogramme\/?$/;

/**
 * The first API reads of a signed-in page that only the server can name from its address: the chronogram page's
 * data is read by the roadmap's id, which the web app learns from the roadmap list two round trips after the start
 * (session, then list). With a valid session, the index page announces it (`<link rel="preload" as="fetch">`,
 * ADR 0039), so the browser reads it beside main.js. Nothing for a visitor without a session, an unknown slug, or a
 * page whose read depends on its query (one function, a baseline): the announced address must be exactly the one
 * the page asks for, or the browser reads it twice.
 */
@Injectable()
export class PagePreloads {
  constructor(
    private readonly sessions: SessionsService,
    private readonly queries: SiteQueries,
  ) {}

  /** The API addresses to announce for this page, given its path, its query and the request's cookies. */
  async of(path: string, query: Record<string, unknown>, cookies: Record<string, unknown> | undefined): Promise<string[]> {
    const match = WHOLE_CHRONOGRAM.exec(path);
    if (!match || query['fonction'] !== undefined || query['ligne'] !== undefined) return [];
    const token = cookies?.[SESSION_COOKIE];
    if (!token) return [];
    let slug: string;
    try {
      slug = decodeURIComponent(match[1]);
    } catch {
      return [];
    }
    if (!canRead(await this.sessions.resolve(token))) return [];
    const id = await this.queries.roadmapIdOfSlug(slug);
    return id ? [`/api/roadmaps/${encodeURIComponent(id)}/chronogram`] : [];
  }
}
