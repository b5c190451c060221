import { Injectable } from '@nestjs/common';
import { ItemReplay, todayInParis } from '@jalons/domain';
import type { CentralVolet, IsoDate, ItemValues, ReplayLine } from '@jalons/domain';

import { PastStateQueries } from './past-state.queries';
import type { PastActionRow, PastLineRow, PastMilestoneDateRow, PastMilestoneRow, PastProgressRow } from './past-state.queries';

/*
 * Reads at a past day (ADR 0020): the items as they were at the end of that day, replayed from the
 * history. Today and later days read the tables as they are, with no extra query.
 */

/** True when `at` is before today in Europe/Paris: the reads replay the history. */
export function isPast(at: IsoDate, today: IsoDate = todayInParis()): boolean {
  return at < today;
}

/** Names to ids and back, for the function and phase lines (the history names them). */
export interface PlaceNames {
  functions: ReadonlyArray<{ id: string; name: string }>;
  phases: ReadonlyArray<{ id: string; name: string }>;
}

/** The lines after a day grouped by item, with the items in the Corbeille deleted since. */
export interface PastLines {
  lines: ReadonlyMap<string, ReplayLine[]>;
  deletedActions: PastActionRow[];
  deletedMilestones: PastMilestoneRow[];
}

/** The lines grouped by item, in their order (oldest first). */
export function linesByItem(rows: readonly PastLineRow[]): Map<string, ReplayLine[]> {
  const byItem = new Map<string, ReplayLine[]>();
  for (const r of rows) {
    const line: ReplayLine = { day: r.day, field: r.field, from: r.from_value };
    const list = byItem.get(r.item_id);
    if (list) list.push(line);
    else byItem.set(r.item_id, [line]);
  }
  return byItem;
}

type ActionLike = Pick<PastActionRow, 'id' | 'functionId' | 'phaseId' | 'title' | 'volet' | 'start' | 'due' | 'status' | 'progress'>;
type MilestoneLike = Pick<PastMilestoneRow, 'id' | 'functionId' | 'phaseId' | 'title' | 'date' | 'achievedOn'>;

/** How an item's row becomes the replay's values and back: function and phase by name, ids found again by name. */
class Places {
  private readonly fnName: Map<string, string>;
  private readonly fnId: Map<string, string>;
  private readonly phaseName: Map<string, string>;
  private readonly phaseId: Map<string, string>;

  constructor(names: PlaceNames) {
    this.fnName = new Map(names.functions.map((f) => [f.id, f.name]));
    this.fnId = new Map(names.functions.map((f) => [f.name, f.id]));
    this.phaseName = new Map(names.phases.map((p) => [p.id, p.name]));
    this.phaseId = new Map(names.phases.map((p) => [p.name, p.id]));
  }

  values(r: { functionId: string; phaseId: string; title: string }): Pick<ItemValues, 'function' | 'phase' | 'title'> {
    return { title: r.title, function: this.fnName.get(r.functionId) ?? r.functionId, phase: this.phaseName.get(r.phaseId) ?? r.phaseId };
  }

  /** A name no longer in the roadmap (renamed since, or gone) keeps the item where it is now. */
  ids(v: ItemValues, r: { functionId: string; phaseId: string }): { functionId: string; phaseId: string } {
    return { functionId: this.fnId.get(v.function) ?? r.functionId, phaseId: this.phaseId.get(v.phase) ?? r.phaseId };
  }
}

/** Each item replayed through its lines at each of `days` (non-increasing), current rows first, then the Corbeille's. */
function replayAll<T extends { id: string }>(
  current: readonly T[],
  deleted: readonly T[],
  lines: ReadonlyMap<string, ReplayLine[]>,
  toValues: (r: T) => ItemValues,
  fromValues: (v: ItemValues, r: T) => T,
): (day: IsoDate) => T[] {
  const replayOf = (r: T, existsNow: boolean) => {
    const own = lines.get(r.id);
    return own ? new ItemReplay(toValues(r), own, existsNow) : null;
  };
  const items = [
    ...current.map((r) => ({ r, replay: replayOf(r, true) })),
    // a deleted item without lines after the day was deleted before it: absent
    ...deleted.map((r) => ({ r, replay: replayOf(r, false) })).filter((x) => x.replay),
  ];
  return (day) => {
    const out: T[] = [];
    for (const { r, replay } of items) {
      if (!replay) {
        out.push(r);
        continue;
      }
      const v = replay.at(day);
      if (v) out.push(fromValues(v, r));
    }
    return out;
  };
}

/** Replays actions: `at(day)` for days in non-increasing order (the S-curve steps back month by month). */
export function actionReplay<T extends ActionLike>(
  current: readonly T[],
  deleted: readonly T[],
  lines: ReadonlyMap<string, ReplayLine[]>,
  names: PlaceNames,
): (day: IsoDate) => T[] {
  const places = new Places(names);
  return replayAll(
    current,
    deleted,
    lines,
    (r) => ({ ...places.values(r), status: r.status, progress: r.progress, start: r.start, due: r.due, volet: r.volet }),
    (v, r) => ({
      ...r,
      ...places.ids(v, r),
      title: v.title,
      status: v.status ?? r.status,
      progress: v.progress ?? r.progress,
      start: v.start ?? r.start,
      due: v.due ?? r.due,
      volet: (v.volet ?? null) as CentralVolet | null,
    }),
  );
}

export function milestoneReplay<T extends MilestoneLike>(
  current: readonly T[],
  deleted: readonly T[],
  lines: ReadonlyMap<string, ReplayLine[]>,
  names: PlaceNames,
): (day: IsoDate) => T[] {
  const places = new Places(names);
  return replayAll(
    current,
    deleted,
    lines,
    (r) => ({ ...places.values(r), date: r.date, achievedOn: r.achievedOn }),
    (v, r) => ({ ...r, ...places.ids(v, r), title: v.title, date: v.date ?? r.date, achievedOn: v.achievedOn ?? null }),
  );
}

/** The history a read at a past day needs, read once (the Corbeille too) — for the roadmap reader, the chronogram, the S-curve. */
@Injectable()
export class PastState {
  constructor(private readonly queries: PastStateQueries) {}

  /** The lines after the end of `after` (all of them when null) and the items deleted since. */
  async linesAfter(roadmapId: string, after: IsoDate | null): Promise<PastLines> {
    const [rows, deletedActions, deletedMilestones] = await Promise.all([
      this.queries.linesAfter(roadmapId, after),
      this.queries.deletedActions(roadmapId, after),
      this.queries.deletedMilestones(roadmapId, after),
    ]);
    return { lines: linesByItem(rows), deletedActions, deletedMilestones };
  }

  /** The roadmap's actions and milestones at the end of `at` (a past day), with their ids. */
  async itemsAt(
    roadmapId: string,
    at: IsoDate,
    names: PlaceNames | Promise<PlaceNames>,
  ): Promise<{ actions: PastProgressRow[]; milestones: PastMilestoneDateRow[] }> {
    // the names (read by the caller) are awaited with the history, not before it
    const [past, actions, milestones, places] = await Promise.all([
      this.linesAfter(roadmapId, at),
      this.queries.progress(roadmapId),
      this.queries.milestoneDates(roadmapId),
      names,
    ]);
    return {
      actions: actionReplay(actions, past.deletedActions, past.lines, places)(at),
      milestones: milestoneReplay(milestones, past.deletedMilestones, past.lines, places)(at),
    };
  }

  /**
   * The actions as they are, and a replay of them at any day after `after` (latest day first): the
   * history read once for the S-curve's months.
   */
  async actionsFrom(
    roadmapId: string,
    after: IsoDate,
    names: PlaceNames,
  ): Promise<{ current: PastProgressRow[]; at: (day: IsoDate) => PastProgressRow[] }> {
    const [past, current] = await Promise.all([this.linesAfter(roadmapId, after), this.queries.progress(roadmapId)]);
    return { current, at: actionReplay(current, past.deletedActions, past.lines, names) };
  }
}
