import { daysBetween } from './dates';
import type { IsoDate } from './types';

/**
 * Baselines (issue 12, ADR 0017): the plan the lead froze, item by item, against the plan of today.
 * An item's slip is counted in calendar days between its due date (an action) or its date (a
 * milestone) in the baseline and now: positive when it moved later, negative when earlier.
 */

export const BASELINE_ITEM_TYPES = ['action', 'milestone'] as const;
export type BaselineItemType = (typeof BASELINE_ITEM_TYPES)[number];

/** What the API accepts of a baseline and of a re-plan's reason (the contract's DTOs, the web's fields). */
export const BASELINE_BOUNDS = Object.freeze({ label: 150, decision: 500, reason: 500 });

/** One item as planned: in a baseline, or today. `start` is an action's (null for a milestone); `due` its due date or the milestone's date. */
export interface PlannedItem {
  type: BaselineItemType;
  id: string;
  functionId: string;
  phaseId: string | null;
  title: string;
  start: IsoDate | null;
  due: IsoDate;
}

/** planned: in the baseline and still there; new: added since; deleted: gone since. */
export const SLIP_STATES = ['planned', 'new', 'deleted'] as const;
export type SlipState = (typeof SLIP_STATES)[number];

export const SLIP_STATE_LABELS: Readonly<Record<SlipState, string>> = {
  planned: 'prévu',
  new: 'nouveau',
  deleted: 'supprimé',
};

/** One item compared with the baseline. `slipDays` is null unless the item is in both. */
export interface ItemSlip {
  type: BaselineItemType;
  id: string;
  title: string;
  /** the function and phase as the baseline has them (as today for a new item) */
  functionId: string;
  phaseId: string | null;
  state: SlipState;
  baseline: { start: IsoDate | null; due: IsoDate } | null;
  current: { start: IsoDate | null; due: IsoDate } | null;
  slipDays: number | null;
}

/** Calendar days from the baseline's due date to today's (positive: later than voted). */
export function slipDays(baselineDue: IsoDate, currentDue: IsoDate): number {
  return daysBetween(baselineDue, currentDue);
}

const keyOf = (i: Pick<PlannedItem, 'type' | 'id'>) => `${i.type}:${i.id}`;
const dates = (i: PlannedItem) => ({ start: i.start, due: i.due });

/**
 * Every item of the baseline and of today, compared: first the baseline's items in their order
 * (planned or deleted), then the items added since, in today's order.
 */
export function compareToBaseline(baseline: readonly PlannedItem[], current: readonly PlannedItem[]): ItemSlip[] {
  const now = new Map(current.map((i) => [keyOf(i), i]));
  const then = new Set(baseline.map(keyOf));
  const kept = baseline.map((b): ItemSlip => {
    const c = now.get(keyOf(b));
    const base = { type: b.type, id: b.id, functionId: b.functionId, phaseId: b.phaseId, baseline: dates(b) };
    return c
      ? { ...base, title: c.title, state: 'planned', current: dates(c), slipDays: slipDays(b.due, c.due) }
      : { ...base, title: b.title, state: 'deleted', current: null, slipDays: null };
  });
  const added = current
    .filter((c) => !then.has(keyOf(c)))
    .map(
      (c): ItemSlip => ({
        type: c.type,
        id: c.id,
        title: c.title,
        functionId: c.functionId,
        phaseId: c.phaseId,
        state: 'new',
        baseline: null,
        current: dates(c),
        slipDays: null,
      }),
    );
  return [...kept, ...added];
}

/** The slips of one group (a function, a phase): items compared, how many slipped (later than voted), their total and largest slip. */
export interface SlipSummary {
  key: string;
  compared: number;
  slipped: number;
  totalDays: number;
  maxDays: number;
  added: number;
  deleted: number;
}

/**
 * One summary per key, in the keys' order (a key without items gets zeros); items whose key is
 * not listed are left out. Only slips later than the baseline count in `slipped`, `totalDays` and
 * `maxDays`: an item brought forward is compared but slipped by nothing.
 */
export function slipSummaries(slips: readonly ItemSlip[], keys: readonly string[], key: (s: ItemSlip) => string | null): SlipSummary[] {
  const sums = new Map<string, SlipSummary>(
    keys.map((k) => [k, { key: k, compared: 0, slipped: 0, totalDays: 0, maxDays: 0, added: 0, deleted: 0 }]),
  );
  for (const s of slips) {
    const k = key(s);
    const sum = k === null ? undefined : sums.get(k);
    if (!sum) continue;
    if (s.state === 'new') sum.added++;
    else if (s.state === 'deleted') sum.deleted++;
    else {
      sum.compared++;
      const days = s.slipDays ?? 0;
      if (days > 0) {
        sum.slipped++;
        sum.totalDays += days;
        sum.maxDays = Math.max(sum.maxDays, days);
      }
    }
  }
  return [...sums.values()];
}

/** How a slip reads in a table: "+12 j", "−3 j", "0 j", « nouveau », « supprimé ». */
export function slipLabel(s: Pick<ItemSlip, 'state' | 'slipDays'>): string {
  if (s.state !== 'planned') return SLIP_STATE_LABELS[s.state];
  const d = s.slipDays ?? 0;
  return d > 0 ? `+${d} j` : d < 0 ? `−${-d} j` : '0 j';
}
