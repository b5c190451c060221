import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActorGroup, ActorKind, ActorNeed, AssessmentAxis, DataType, FigureCode, IsoDate } from '@jalons/domain';
import type { AxisScores } from '@jalons/contract';

import { Sql } from '../../infra/database/sql';

/** An actor of the register (table `actor`). */
export interface ActorRow {
  id: string;
  roadmap_id: string;
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
  version: number;
}

/** An assessment (table `assessment`). */
export interface AssessmentRow {
  id: string;
  actor_id: string;
  assessed_on: IsoDate;
  maturity: number;
  ambition: number;
  axes: Partial<Record<AssessmentAxis, AxisScores>>;
  assessed_by: string;
  comment: string | null;
}

/** The columns an actor's create or change writes, by name (never a name taken from a request). */
export interface ActorValues {
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

export interface NewAssessment {
  assessed_on: IsoDate;
  maturity: number;
  ambition: number;
  axes: Partial<Record<AssessmentAxis, AxisScores>>;
  assessed_by: string;
  comment: string | null;
}

export interface TargetRow {
  code: FigureCode;
  value: number;
  target_on: IsoDate;
}

export interface TargetedByRow {
  id: string;
  title: string;
  function_id: string;
}

export interface TargetActorRow {
  id: string;
  name: string;
  kind: ActorKind;
  referent: string | null;
}

type Tx = EntityManager | undefined;

const ACTOR_COLUMNS = `a.id, a.roadmap_id, a.name, a.kind, a.referent, a.met_on, a.workshop, a.needs, a.data_types, a.personal_data,
  a.sensitive_data, a.group_override, a.group_override_reason, a.version`;
const ASSESSMENT_COLUMNS = 's.id, s.actor_id, s.assessed_on, s.maturity, s.ambition, s.axes, s.assessed_by, s.comment';
/** jsonb columns are bound as JSON text */
const JSON_COLUMNS = new Set<keyof ActorValues>(['needs', 'data_types']);

function bind(column: keyof ActorValues, value: unknown): { placeholder: string; param: unknown } {
  return JSON_COLUMNS.has(column) ? { placeholder: '?::jsonb', param: JSON.stringify(value) } : { placeholder: '?', param: value };
}

/** The diagnostic's SQL (tables `actor`, `assessment`, `action_actor`, `diagnostic_target`; SQL only, ADR 0012). */
@Injectable()
export class ActorsQueries {
  constructor(private readonly sql: Sql) {}

  /** The roadmap's actors (unsorted: the reader sorts names the French way). */
  actors(roadmapId: string): Promise<ActorRow[]> {
    return this.sql.rows<ActorRow>(`select ${ACTOR_COLUMNS} from actor a where a.roadmap_id = ?`, [roadmapId]);
  }

  actor(id: string, tx?: Tx): Promise<ActorRow | undefined> {
    return this.sql.one<ActorRow>(`select ${ACTOR_COLUMNS} from actor a where a.id = ?`, [id], tx);
  }

  /** Every assessment of the roadmap's actors, by actor then day. */
  assessmentsOfRoadmap(roadmapId: string): Promise<AssessmentRow[]> {
    return this.sql.rows<AssessmentRow>(
      `select ${ASSESSMENT_COLUMNS} from assessment s join actor a on a.id = s.actor_id where a.roadmap_id = ? order by s.actor_id, s.assessed_on`,
      [roadmapId],
    );
  }

  /** An actor's assessments, oldest first. */
  assessmentsOfActor(actorId: string): Promise<AssessmentRow[]> {
    return this.sql.rows<AssessmentRow>(`select ${ASSESSMENT_COLUMNS} from assessment s where s.actor_id = ? order by s.assessed_on`, [
      actorId,
    ]);
  }

  assessment(id: string): Promise<AssessmentRow | undefined> {
    return this.sql.one<AssessmentRow>(`select ${ASSESSMENT_COLUMNS} from assessment s where s.id = ?`, [id]);
  }

  /** The actions targeting an actor, by title. */
  targetedBy(actorId: string): Promise<TargetedByRow[]> {
    return this.sql.rows<TargetedByRow>(
      `select x.id, x.title, x.function_id from action_actor l join action x on x.id = l.action_id where l.actor_id = ? order by x.title, x.id`,
      [actorId],
    );
  }

  /** A new actor; undefined when the roadmap already has one of that name (case-insensitive). */
  async insertActor(roadmapId: string, values: ActorValues): Promise<string | undefined> {
    const columns = Object.keys(values) as (keyof ActorValues)[];
    const bound = columns.map((c) => bind(c, values[c]));
    const row = await this.sql.one<{ id: string }>(
      `insert into actor (roadmap_id, ${columns.join(', ')}) values (?, ${bound.map((b) => b.placeholder).join(', ')})
       on conflict do nothing returning id`,
      [roadmapId, ...bound.map((b) => b.param)],
    );
    return row?.id;
  }

  /**
   * Changes the columns given, in one statement guarded by the version read (the version moves on);
   * undefined when the version is no longer that one. A name taken by another actor of the roadmap
   * throws PostgreSQL's unique_violation (23505).
   */
  async updateActor(id: string, version: number, changes: Partial<ActorValues>): Promise<number | undefined> {
    const columns = Object.keys(changes) as (keyof ActorValues)[];
    const bound = columns.map((c) => bind(c, changes[c]));
    const set = columns.map((c, i) => `${c} = ${bound[i].placeholder}`);
    const row = await this.sql.one<{ version: number }>(
      `update actor set ${[...set, 'version = version + 1', 'updated_at = now()'].join(', ')} where id = ? and version = ? returning version`,
      [...bound.map((b) => b.param), id, version],
    );
    return row?.version;
  }

  /** Deletes the actor (its assessments and action links go with it); false when there was none. */
  async deleteActor(id: string): Promise<boolean> {
    return (await this.sql.rows('delete from actor where id = ? returning id', [id])).length === 1;
  }

  /** A new assessment; undefined when the actor already has one that day. */
  async insertAssessment(actorId: string, a: NewAssessment): Promise<string | undefined> {
    const row = await this.sql.one<{ id: string }>(
      `insert into assessment (actor_id, assessed_on, maturity, ambition, axes, assessed_by, comment)
       values (?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (actor_id, assessed_on) do nothing returning id`,
      [actorId, a.assessed_on, a.maturity, a.ambition, JSON.stringify(a.axes), a.assessed_by, a.comment],
    );
    return row?.id;
  }

  async deleteAssessment(id: string): Promise<boolean> {
    return (await this.sql.rows('delete from assessment where id = ? returning id', [id])).length === 1;
  }

  /** The lead's targets for the roadmap's figures. */
  targets(roadmapId: string): Promise<TargetRow[]> {
    return this.sql.rows<TargetRow>('select code, value, target_on from diagnostic_target where roadmap_id = ? order by code', [roadmapId]);
  }

  /** Sets (or replaces) a figure's target. */
  async setTarget(roadmapId: string, code: FigureCode, value: number, on: IsoDate): Promise<void> {
    await this.sql.rows(
      `insert into diagnostic_target (roadmap_id, code, value, target_on) values (?, ?, ?, ?)
       on conflict (roadmap_id, code) do update set value = excluded.value, target_on = excluded.target_on, updated_at = now()`,
      [roadmapId, code, value, on],
    );
  }

  async deleteTarget(roadmapId: string, code: FigureCode): Promise<void> {
    await this.sql.rows('delete from diagnostic_target where roadmap_id = ? and code = ?', [roadmapId, code]);
  }

  /** An action's roadmap; its row locked until the transaction ends when `lock` (two changes of its list take turns). */
  actionRoadmap(actionId: string, lock: boolean, tx?: Tx): Promise<{ roadmap_id: string } | undefined> {
    return this.sql.one<{ roadmap_id: string }>(`select roadmap_id from action where id = ?${lock ? ' for update' : ''}`, [actionId], tx);
  }

  /** The actors an action targets, by name. */
  actionActors(actionId: string, tx?: Tx): Promise<TargetActorRow[]> {
    return this.sql.rows<TargetActorRow>(
      `select a.id, a.name, a.kind, a.referent from action_actor l join actor a on a.id = l.actor_id where l.action_id = ? order by a.name, a.id`,
      [actionId],
      tx,
    );
  }

  /** Of the ids given, those of the roadmap's actors. */
  async actorIdsIn(roadmapId: string, ids: readonly string[], tx?: Tx): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.sql.rows<{ id: string }>('select id from actor where roadmap_id = ? and id in (?)', [roadmapId, ids], tx);
    return rows.map((r) => r.id);
  }

  /** Replaces the actors an action targets. */
  async replaceActionActors(actionId: string, actorIds: readonly string[], tx: Tx): Promise<void> {
    await this.sql.rows('delete from action_actor where action_id = ?', [actionId], tx);
    if (!actorIds.length) return;
    await this.sql.rows(
      'insert into action_actor (action_id, actor_id) select ?, a.id from actor a where a.id in (?)',
      [actionId, actorIds],
      tx,
    );
  }
}
