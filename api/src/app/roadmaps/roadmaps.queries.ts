import { Injectable } from '@nestjs/common';
import type { FunctionWithRollUpView, PhaseWithRollUpView } from '@jalons/contract';
import type { IsoDate, ProgressItem, ReminderRules } from '@jalons/domain';

import { Sql } from '../../infra/database/sql';

/** A PostgreSQL array literal of texts (`{"a","b"}`): a bound JS array would be sent as a list (`in (?)`). */
function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

export interface RoadmapRow {
  id: string;
  slug: string;
  territory: string;
  mandate_label: string;
  election_dates: IsoDate[];
  next_election_date: IsoDate;
  start_date: IsoDate;
  end_date: IsoDate;
  project_lead_id: string | null;
  public_page: boolean;
  embed_origins: string[];
  version: number;
  reminder_rules: ReminderRules;
  closed_at: Date | string | null;
}

export interface PhaseRow {
  id: string;
  code: PhaseWithRollUpView['code'];
  name: string;
  description: string;
  purpose: string | null;
  position: number;
  start_date: IsoDate;
  end_date: IsoDate;
}

export interface FunctionRow {
  id: string;
  code: string;
  name: string;
  family: FunctionWithRollUpView['family'];
  central: boolean;
  description: string;
  volets: FunctionWithRollUpView['volets'];
  owner_id: string | null;
  color: string;
  position: number;
  version: number;
}

/** What a roll-up needs of an action: its progress and where it belongs. */
export type ProgressRow = ProgressItem & { functionId: string; phaseId: string };

/** What the milestone counts need of a milestone. */
export interface MilestoneDateRow {
  functionId: string;
  phaseId: string;
  date: IsoDate;
  achievedOn: IsoDate | null;
}

/** The roadmap's own tables (roadmap, phase, target_function) and the rows its roll-ups read. */
@Injectable()
export class RoadmapQueries {
  constructor(private readonly sql: Sql) {}

  all(): Promise<RoadmapRow[]> {
    return this.sql.rows<RoadmapRow>('select * from roadmap order by start_date desc, territory');
  }

  byId(id: string): Promise<RoadmapRow | undefined> {
    return this.sql.one<RoadmapRow>('select * from roadmap where id = ?', [id]);
  }

  /** The roadmap's revision (every write bumps it): what the chronogram cache is checked against. */
  async revision(id: string): Promise<number | undefined> {
    return (await this.sql.one<{ revision: number }>('select revision from roadmap where id = ?', [id]))?.revision;
  }

  phases(roadmapId: string): Promise<PhaseRow[]> {
    return this.sql.rows<PhaseRow>(
      'select id, code, name, description, purpose, position, start_date, end_date from phase where roadmap_id = ? order by position',
      [roadmapId],
    );
  }

  /** The roadmap's target functions in their order, or only one of them. */
  functions(roadmapId: string, functionId?: string): Promise<FunctionRow[]> {
    const one = functionId ? ' and id = ?' : '';
    return this.sql.rows<FunctionRow>(
      `select id, code, name, family, central, description, volets, owner_id, color, position, version from target_function
       where roadmap_id = ?${one} order by position`,
      functionId ? [roadmapId, functionId] : [roadmapId],
    );
  }

  /** Every action's progress and place, for the roll-ups. */
  progress(roadmapId: string): Promise<ProgressRow[]> {
    return this.sql.rows<ProgressRow>(
      `select function_id as "functionId", phase_id as "phaseId", start_date as start, due_date as due, status, progress
       from action where roadmap_id = ?`,
      [roadmapId],
    );
  }

  /** Every milestone's date and achievement, for the milestone counts. */
  milestoneDates(roadmapId: string): Promise<MilestoneDateRow[]> {
    return this.sql.rows<MilestoneDateRow>(
      `select function_id as "functionId", phase_id as "phaseId", milestone_date as date, achieved_on as "achievedOn"
       from milestone where roadmap_id = ?`,
      [roadmapId],
    );
  }

  /** A settings change: version checked by the caller under `lockVersion`; the revision moves too (cached chronograms carry the summary). */
  async lockVersion(id: string, tx: Parameters<Sql['rows']>[2]): Promise<number | undefined> {
    return (await this.sql.one<{ version: number }>('select version from roadmap where id = ? for update', [id], tx))?.version;
  }

  async updateSettings(
    id: string,
    publicPage: boolean | null,
    reminderRules: ReminderRules | null,
    tx: Parameters<Sql['rows']>[2],
    embedOrigins: string[] | null = null,
  ) {
    await this.sql.rows(
      `update roadmap set public_page = coalesce(?, public_page), reminder_rules = coalesce(?::jsonb, reminder_rules),
              embed_origins = coalesce(?::text[], embed_origins),
              version = version + 1, revision = revision + 1, updated_at = now()
        where id = ?`,
      [publicPage, reminderRules ? JSON.stringify(reminderRules) : null, embedOrigins ? pgTextArray(embedOrigins) : null, id],
      tx,
    );
  }
}
