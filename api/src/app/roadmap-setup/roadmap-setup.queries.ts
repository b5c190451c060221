import { Injectable } from '@nestjs/common';
import type { Role } from '@jalons/domain';

import { Sql } from '../../infra/database/sql';

/** The roadmap that holds a slug already. */
export interface TakenSlugRow {
  id: string;
  territory: string;
  mandate_label: string;
}

/** Who could lead a new roadmap. */
export interface LeadCandidateRow {
  id: string;
  role: Role;
  active: boolean;
}

/** What creating a roadmap checks before it writes. */
@Injectable()
export class RoadmapSetupQueries {
  constructor(private readonly sql: Sql) {}

  /** The roadmap whose address is `slug`, if any (slugs are unique). */
  slugHolder(slug: string): Promise<TakenSlugRow | undefined> {
    return this.sql.one<TakenSlugRow>('select id, territory, mandate_label from roadmap where slug = ?', [slug]);
  }

  /** The account, with its role and whether it is active; undefined when there is none. */
  account(id: string): Promise<LeadCandidateRow | undefined> {
    return this.sql.one<LeadCandidateRow>('select id, role, active from account where id = ?', [id]);
  }
}
