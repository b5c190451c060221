import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { IndicatorDirection, IsoDate, Role } from '@jalons/domain';

import { boundRows, Sql } from '../../infra/database/sql';
import type { ActorValues } from '../actors';

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
export interface SeedActorWrite extends ActorValues {
  id: string;
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

export interface SeedIndicatorWrite {
  id: string;
  function_id: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline_on: IsoDate;
  baseline_value: number;
  target_on: IsoDate;
  target_value: number;
}

export interface SeedMeasurementWrite {
  indicator_id: string;
  measured_on: IsoDate;
  value: number;
  comment: string | null;
  source_url: string | null;
  /** the account that recorded it, by e-mail (case ignored); none when no account has it */
  recorded_by_email: string | null;
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

  async insertIndicators(rows: readonly SeedIndicatorWrite[], tx: EntityManager): Promise<void> {
    if (!rows.length) return;
    await boundRows(
      tx,
      `insert into indicator (id, function_id, name, unit, direction, baseline_on, baseline_value, target_on, target_value)
       select x.id, x.function_id, x.name, x.unit, x.direction, x.baseline_on, x.baseline_value, x.target_on, x.target_value
         from jsonb_to_recordset(?::jsonb) as x(id uuid, function_id uuid, name text, unit text, direction text, baseline_on date,
              baseline_value numeric, target_on date, target_value numeric)`,
      [JSON.stringify(rows)],
    );
  }

  async insertMeasurements(rows: readonly SeedMeasurementWrite[], tx: EntityManager): Promise<void> {
    if (!rows.length) return;
    await boundRows(
      tx,
      `insert into measurement (indicator_id, measured_on, value, comment, source_url, recorded_by)
       select x.indicator_id, x.measured_on, x.value, x.comment, x.source_url, p.id
         from jsonb_to_recordset(?::jsonb) as x(indicator_id uuid, measured_on date, value numeric, comment text, source_url text,
              recorded_by_email text)
         left join account p on lower(p.email) = lower(x.recorded_by_email)`,
      [JSON.stringify(rows)],
    );
  }
}
