import { Injectable } from '@nestjs/common';

import { Sql } from '../../infra/database/sql';

/** An open public page, for the sitemap. */
export interface OpenPageRow {
  slug: string;
  /** the roadmap's last change (its settings or any item's history line), as an ISO instant */
  lastmod: string;
}

/** What the site's own files (robots.txt, sitemap.xml), the widget's framing and the pages' first reads read of the roadmaps. */
@Injectable()
export class SiteQueries {
  constructor(private readonly sql: Sql) {}

  /** The roadmaps whose public page is open, with their last change. */
  openPages(): Promise<OpenPageRow[]> {
    return this.sql.rows<OpenPageRow>(
      `select r.slug,
              to_char(greatest(r.updated_at, (select max(h.at) from change_history h where h.roadmap_id = r.id)) at time zone 'UTC',
                      'YYYY-MM-DD"T"HH24:MI:SS"Z"') as lastmod
         from roadmap r
        where r.public_page
        order by r.start_date desc, r.territory`,
    );
  }

  /** The id of the roadmap at this slug, open or not (every signed-in account reads every roadmap, ADR 0008). */
  async roadmapIdOfSlug(slug: string): Promise<string | undefined> {
    return (await this.sql.one<{ id: string }>('select id from roadmap where slug = ?', [slug]))?.id;
  }

  /** The sites that may frame the widget of the roadmap at this slug: none when its public page is closed or it does not exist. */
  async embedOrigins(slug: string): Promise<string[]> {
    const row = await this.sql.one<{ embed_origins: string[] }>('select embed_origins from roadmap where slug = ? and public_page', [slug]);
    return row?.embed_origins ?? [];
  }
}
