import { Inject, Injectable } from '@nestjs/common';
import { dependenciesAmong, milestoneState } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';
import { chronogramWire, chronogramWireOf } from '@jalons/contract';
import type { ChronogramBaselineView, ChronogramMilestoneView, ChronogramView } from '@jalons/contract';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { ApiException } from '../../infra/http/errors';
import { namesOnly } from '../accounts';
import { BaselineQueries } from '../baselines';
import {
  detailView,
  functionViews,
  group,
  isPast,
  milestoneReplay,
  actionReplay,
  PastState,
  RoadmapQueries,
  RoadmapReader,
} from '../roadmaps';
import { ChronogramQueries } from './chronogram.queries';
import type { BarTable } from './chronogram.queries';
import { summed } from './roll-up-sums';
import { wireBytes } from './wire-bytes';

/**
 * Everything a Gantt needs in one call, and its per-instance cache (ADR 0004): an entry is keyed
 * on roadmap, day and function, and checked against the roadmap's revision on every read (every
 * write bumps it in its transaction, so several instances on one database stay right). An entry is
 * never older than its revision: the revision is read before the rows, or with the bars and then the
 * older of it and the bars' own is kept (`wire`). Persons come with
 * their e-mails or by name only (for an elected official, issue #16): two entries, two ETags.
 */
@Injectable()
export class ChronogramReader {
  /** serialised chronograms (UTF-8 bytes) by roadmap, day and function, with the roadmap revision they were read at */
  private readonly cache = new Map<string, { revision: number; body: Buffer }>();

  constructor(
    private readonly queries: ChronogramQueries,
    private readonly roadmapQueries: RoadmapQueries,
    private readonly roadmaps: RoadmapReader,
    private readonly baselines: BaselineQueries,
    private readonly past: PastState,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'chronogramCacheSize'>,
  ) {}

  /**
   * The chronogram as JSON in its wire form (`ChronogramWire`: bars and milestones as tables, no arrows,
   * ADR 0034), UTF-8 bytes ready to send, with a weak ETag; from the cache while the roadmap's revision has not moved.
   */
  async json(
    roadmapId: string,
    at: IsoDate,
    functionId: string | undefined,
    emails: boolean,
    baselineId?: string,
  ): Promise<{ body: Buffer; etag: string }> {
    const overlay = baselineId ? `/${baselineId}` : '';
    const key = `${roadmapId}/${at}/${functionId ?? '*'}${emails ? '' : '/names'}${overlay}`;
    const etag = (revision: number) =>
      `W/"${revision}-${at}-${functionId ?? 'all'}${emails ? '' : '-names'}${overlay ? `-b${baselineId}` : ''}"`;
    // a past day replays the history (ADR 0020); a baseline of one function keeps the items shown now
    const replayed = isPast(at) || !!(baselineId && functionId);
    // nothing cached under this key: today's bars, the longest read, start with the revision's read rather than after it
    // (`wire` takes the older of the two revisions: ADR 0034 amended 2026-11-30); awaited there, or dropped on a 404 or a 422
    const early = replayed || this.cache.has(key) ? undefined : this.queries.barTable(roadmapId, functionId);
    early?.catch(() => undefined);
    const revision = await this.roadmapQueries.revision(roadmapId);
    if (revision === undefined) throw ApiException.notFound('La feuille de route', roadmapId);
    // a baseline never changes and its id is never reused: checked to exist (it may have been deleted), then keyed on its id
    if (baselineId) await this.baselineOf(roadmapId, baselineId);
    const hit = this.cache.get(key);
    if (hit && hit.revision === revision) {
      this.cache.delete(key); // most recently used goes last
      this.cache.set(key, hit);
      return { body: hit.body, etag: etag(revision) };
    }
    const read = replayed
      ? { body: wireBytes(chronogramWire(await this.view(roadmapId, at, functionId, emails, baselineId))), revision }
      : await this.wire(roadmapId, at, functionId, emails, { revision, early }, baselineId);
    this.remember(key, read.revision, read.body);
    return { body: read.body, etag: etag(read.revision) };
  }

  private remember(key: string, revision: number, body: Buffer): void {
    if (this.config.chronogramCacheSize <= 0) return;
    this.cache.delete(key);
    this.cache.set(key, { revision, body });
    while (this.cache.size > this.config.chronogramCacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }

  /** Everything a Gantt needs for a roadmap, or for one of its functions; persons by name only unless `emails`. */
  async view(
    roadmapId: string,
    at: IsoDate,
    functionId: string | undefined,
    emails: boolean,
    baselineId?: string,
  ): Promise<ChronogramView> {
    const one = !!functionId;
    const past = isPast(at);
    const [row, phases, fnRows, progress, current, currentMilestones, named, history] = await Promise.all([
      this.roadmaps.row(roadmapId),
      this.roadmapQueries.phases(roadmapId),
      this.roadmapQueries.functions(roadmapId),
      // the roll-ups cover the whole roadmap: the bars themselves when they are all shown
      one && !past ? this.roadmapQueries.progress(roadmapId) : null,
      // at a past day every bar is replayed (it may have changed function since), then the function's are shown
      this.queries.bars(roadmapId, past ? undefined : functionId),
      this.queries.milestones(roadmapId),
      this.queries.persons(roadmapId, functionId),
      past ? this.past.linesAfter(roadmapId, at) : null,
    ]);
    if (functionId && !fnRows.some((f) => f.id === functionId)) throw ApiException.notFound('La fonction', functionId);
    let bars = current;
    let rolled = progress ?? bars;
    let milestoneRows = currentMilestones;
    if (history) {
      // the items as they were at the end of that day (ADR 0020); the cache keys them on the day like any other
      const names = { phases, functions: fnRows };
      rolled = bars = actionReplay(current, history.deletedActions, history.lines, names)(at);
      if (one) bars = bars.filter((a) => a.functionId === functionId);
      milestoneRows = milestoneReplay(currentMilestones, history.deletedMilestones, history.lines, names)(at);
    }
    // the project lead and the functions' owners are taken from these too
    const persons = emails ? named : namesOnly(named);
    for (const m of milestoneRows) m.state = milestoneState(m, at);
    const milestones = milestoneRows as ChronogramMilestoneView[];
    const grouped = group(rolled, at);
    const input = { at, phases, grouped, milestones, persons: new Map(persons.map((p) => [p.id, p])) };
    const shownMilestones = one ? milestones.filter((m) => m.functionId === functionId) : milestones;
    const view: ChronogramView = {
      roadmap: detailView(row, input),
      functions: functionViews(one ? fnRows.filter((f) => f.id === functionId) : fnRows, input),
      actions: bars,
      milestones: shownMilestones,
      dependencies: dependenciesAmong(bars),
      persons,
    };
    if (baselineId) {
      const shown = new Set([...bars.map((a) => a.id), ...shownMilestones.map((m) => m.id)]);
      view.baseline = await this.overlay(roadmapId, baselineId, (i) => !functionId || i.function_id === functionId || shown.has(i.item_id));
    }
    return view;
  }

  /**
   * Today's chronogram (or a future day's) as wire JSON bytes, the same view as `view` with less work
   * (issue 14): the roll-ups come from SQL sums by function and phase, so no action is grouped nor
   * rolled up here, and the whole roadmap's actions are not read twice for one function; the bars come
   * from SQL as the wire's table (rows of values, no object per bar) and the body is written a group at a time.
   *
   * With the revision the body may be cached and tagged at: never newer than any of its reads. The other
   * reads start after `read.revision` was read, so they are at least that recent; bars started `early`, with
   * it, come with the revision of their own snapshot and the older of the two is kept — bars read before a
   * write and a revision read after it are cached under the older revision, which the next read no longer
   * matches. Early bars without a row say no revision: they are read again, after it.
   */
  private async wire(
    roadmapId: string,
    at: IsoDate,
    functionId: string | undefined,
    emails: boolean,
    read: { revision: number; early?: Promise<BarTable> },
    baselineId?: string,
  ): Promise<{ body: Buffer; revision: number }> {
    const [row, phases, fnRows, sums, early, milestoneRows, named] = await Promise.all([
      this.roadmaps.row(roadmapId),
      this.roadmapQueries.phases(roadmapId),
      this.roadmapQueries.functions(roadmapId),
      this.queries.rollUpSums(roadmapId, at),
      read.early ?? this.queries.barTable(roadmapId, functionId),
      this.queries.milestones(roadmapId),
      this.queries.persons(roadmapId, functionId),
    ]);
    if (functionId && !fnRows.some((f) => f.id === functionId)) throw ApiException.notFound('La fonction', functionId);
    const late = read.early && early.revision === undefined;
    const bars = late ? await this.queries.barTable(roadmapId, functionId) : early;
    const revision = read.early && !late ? Math.min(read.revision, early.revision as number) : read.revision;
    const persons = emails ? named : namesOnly(named);
    for (const m of milestoneRows) m.state = milestoneState(m, at);
    const milestones = milestoneRows as ChronogramMilestoneView[];
    const input = { at, phases, grouped: summed(sums), milestones, persons: new Map(persons.map((p) => [p.id, p])) };
    const shownMilestones = functionId ? milestones.filter((m) => m.functionId === functionId) : milestones;
    // the bars are already the wire's table; the arrows are not written (the wire leaves them to the bars' predecessors)
    const view: Omit<ChronogramView, 'actions' | 'dependencies'> = {
      roadmap: detailView(row, input),
      functions: functionViews(functionId ? fnRows.filter((f) => f.id === functionId) : fnRows, input),
      milestones: shownMilestones,
      persons,
    };
    if (baselineId) view.baseline = await this.overlay(roadmapId, baselineId, () => true);
    return { body: wireBytes(chronogramWireOf(view, bars.table)), revision };
  }

  /** The baseline, of this roadmap (else a 422 on `baseline`). */
  private async baselineOf(roadmapId: string, baselineId: string) {
    const b = await this.baselines.one(baselineId);
    if (!b || b.roadmap_id !== roadmapId) {
      throw ApiException.rule([{ field: 'baseline', message: 'Cette référence n’existe pas dans cette feuille de route.' }]);
    }
    return b;
  }

  /** A baseline's dates of the items `keep` chooses, for ghost bars and diamonds. */
  private async overlay(
    roadmapId: string,
    baselineId: string,
    keep: (i: { function_id: string; item_id: string }) => boolean,
  ): Promise<ChronogramBaselineView> {
    const [b, items] = await Promise.all([this.baselineOf(roadmapId, baselineId), this.baselines.items(baselineId)]);
    return {
      id: b.id,
      number: b.number,
      label: b.label,
      decision: b.decision,
      items: items.filter(keep).map((i) => ({ type: i.item_type, id: i.item_id, title: i.title, start: i.start, due: i.due })),
    };
  }
}
