import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { ActorGroup, ActorKind, ActorNeed, DataType, IsoDate, Role } from '@jalons/domain';

import { boundRows, Sql } from '../../infra/database/sql';

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

/** An actor of a roadmap file's register, as written (ids chosen by the writer). */
export interface SeedActorWrite {
  id: string;
  name: string;
  kind: ActorKind;
  referent: string | null;
  met_on: IsoDate | null;
  workshop: boolean;
  needs: ActorNeed[];
  data_types: DataType[];
  personal_data: boolean;
  sensitive_data: boolean;
  group_override: ActorGroup | null;
  group_override_reason: string | null;
}

export interface SeedAssessmentWrite {
  actor_id: string;
  assessed_on: IsoDate;
  maturity: number;
  ambition: number;
  axes: Record<string, { maturity: number; ambition: number }>;
  assessed_by: string;
  comment: string | null;
}

export interface SeedActionActorWrite {
  action_id: string;
  actor_id: string;
}

/**
 * The register of a roadmap file written with the roadmap, in its transaction: one statement per table
 * whatever the register's size, the rows bound as one JSON array (ADR 0012, bulk writes).
 */
@Injectable()
export class RegisterSeedQueries {
  async insertActors(roadmapId: string, rows: readonly SeedActorWrite[], tx: EntityManager): Promise<void> {
    if (!rows.length) return;
    await boundRows(
      tx,
      `insert into actor (id, roadmap_id, name, kind, referent, met_on, workshop, needs, data_types, personal_data, sensitive_data,
                          group_override, group_override_reason)
       select x.id, ?, x.name, x.kind, x.referent, x.met_on, x.workshop, x.needs, x.data_types, x.personal_data, x.sensitive_data,
              x.group_override, x.group_override_reason
         from jsonb_to_recordset(?::jsonb) as x(id uuid, name text, kind text, referent text, met_on date, workshop boolean,
              needs jsonb, data_types jsonb, personal_data boolean, sensitive_data boolean, group_override text, group_override_reason text)`,
      [roadmapId, JSON.stringify(rows)],
    );
  }

  async insertAssessments(rows: readonly SeedAssessmentWrite[], tx: EntityManager): Promise<void> {
    if (!rows.length) return;
    await boundRows(
      tx,
      `insert into assessment (actor_id, assessed_on, maturity, ambition, axes, assessed_by, comment)
       select x.actor_id, x.assessed_on, x.maturity, x.ambition, x.axes, x.assessed_by, x.comment
         from jsonb_to_recordset(?::jsonb) as x(actor_id uuid, assessed_on date, maturity smallint, ambition smallint, axes jsonb,
              assessed_by text, comment text)`,
      [JSON.stringify(rows)],
    );
  }

  async insertActionActors(rows: readonly SeedActionActorWrite[], tx: EntityManager): Promise<void> {
    if (!rows.length) return;
    await boundRows(
      tx,
      `insert into action_actor (action_id, actor_id)
       select x.action_id, x.actor_id from jsonb_to_recordset(?::jsonb) as x(action_id uuid, actor_id uuid)`,
      [JSON.stringify(rows)],
    );
  }
}
