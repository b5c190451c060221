import { Injectable } from '@nestjs/common';
import type { PublicRoadmapSummaryView } from '@jalons/contract';
import { ROADMAP_TEXT_MAX, SLUG_PATTERN } from '@jalons/domain';

import { Sql } from '../../infra/database/sql';

/** The roadmaps whose public page is open, found by their slug. */
@Injectable()
export class PublicQueries {
  constructor(private readonly sql: Sql) {}

  open(): Promise<PublicRoadmapSummaryView[]> {
    return this.sql.rows<PublicRoadmapSummaryView>(
      'select slug, territory, mandate_label as "mandateLabel" from roadmap where public_page order by start_date desc, territory',
    );
  }

  /** The id of the roadmap at this slug when its page is open; undefined otherwise (closed or absent alike). */
  async openId(slug: string): Promise<string | undefined> {
    // an address no roadmap can have (capitals, a NUL PostgreSQL refuses, 10 000 characters) is not looked for
    if (slug.length > ROADMAP_TEXT_MAX.slug || !SLUG_PATTERN.test(slug)) return undefined;
    return (await this.sql.one<{ id: string }>('select id from roadmap where slug = ? and public_page', [slug]))?.id;
  }
}
