import { isIsoDate } from './dates';
import { ACTION_STATUSES } from './types';
import type { ActionStatus, IsoDate } from './types';

/*
 * An item as it was at the end of a past day, replayed from its history (ADR 0020): its current
 * values walked back through its history lines newer than that day. The history writes one line per
 * changed field with the value before (`from`) and after (`to`), as text: a status as its code
 * (`en_cours`), a progress as a number (`45`), a date as `YYYY-MM-DD`, the function and the phase by
 * name; `created`, `deleted` and `restored` lines say when the item came, went and came back.
 */

/** A history line as the replay reads it: the day of its instant in Europe/Paris, the field, the values as written. */
export interface ReplayLine {
  day: IsoDate;
  field: string;
  from: string | null;
  /** the value after (not needed to walk back) */
  to?: string | null;
}

/** What a replay tracks of an item: what the roll-ups, the chronogram and the S-curve read. */
export interface ItemValues {
  title: string;
  /** the function's and the phase's names (history lines name them) */
  function: string;
  phase: string;
  // an action's
  status?: ActionStatus;
  progress?: number;
  start?: IsoDate;
  due?: IsoDate;
  volet?: string | null;
  // a milestone's
  date?: IsoDate;
  achievedOn?: IsoDate | null;
}

const STATUSES: ReadonlySet<string> = new Set(ACTION_STATUSES);
const DAY_FIELDS = new Set(['start', 'due', 'date']);

/** Puts back the value a line changed (its `from`); a value that cannot be read leaves the field as it is. */
function undo(v: ItemValues, line: ReplayLine): void {
  const from = line.from;
  switch (line.field) {
    case 'status':
      if (from !== null && STATUSES.has(from)) v.status = from as ActionStatus;
      return;
    case 'progress': {
      const n = from === null ? NaN : Number(from);
      if (Number.isFinite(n)) v.progress = n;
      return;
    }
    case 'achievedOn':
      if (from === null || isIsoDate(from)) v.achievedOn = from;
      return;
    case 'title':
    case 'function':
    case 'phase':
      if (from !== null) v[line.field] = from;
      return;
    case 'volet':
      v.volet = from;
      return;
    default:
      if (DAY_FIELDS.has(line.field) && isIsoDate(from)) v[line.field as 'start' | 'due' | 'date'] = from;
  }
}

/**
 * Walks an item back in time, one day at a time and never forward: `at(day)` gives the item at the
 * end of `day` (null: it did not exist then), for days given in non-increasing order. Each line is
 * undone once, so stepping through many days costs the lines plus the days.
 */
export class ItemReplay {
  private readonly values: ItemValues;
  private exists: boolean;
  /** the next line to undo, from the newest */
  private next: number;
  private gone = false;

  /**
   * @param current the item's values now (for an item in the Corbeille, those its deletion kept)
   * @param lines its history lines, oldest first
   * @param existsNow false for an item deleted since (in the Corbeille)
   */
  constructor(
    current: ItemValues,
    private readonly lines: readonly ReplayLine[],
    existsNow = true,
  ) {
    this.values = { ...current };
    this.exists = existsNow;
    this.next = lines.length - 1;
  }

  at(day: IsoDate): ItemValues | null {
    while (!this.gone && this.next >= 0 && this.lines[this.next].day > day) {
      const line = this.lines[this.next--];
      if (line.field === 'created') this.gone = true;
      else if (line.field === 'deleted') this.exists = true;
      else if (line.field === 'restored') this.exists = false;
      else undo(this.values, line);
    }
    if (this.gone || !this.exists) return null;
    // a milestone marked achieved on a later day was not achieved yet at the end of this one
    if (this.values.achievedOn && this.values.achievedOn > day) return { ...this.values, achievedOn: null };
    return { ...this.values };
  }
}

/** The item at the end of day `at`, from its current values and its history lines (oldest first); null when it did not exist then. */
export function stateAt(current: ItemValues, lines: readonly ReplayLine[], at: IsoDate, existsNow = true): ItemValues | null {
  return new ItemReplay(current, lines, existsNow).at(at);
}

/** The item at the end of each of `days` (any order), replayed once. */
export function statesAt(
  current: ItemValues,
  lines: readonly ReplayLine[],
  days: readonly IsoDate[],
  existsNow = true,
): Array<ItemValues | null> {
  const replay = new ItemReplay(current, lines, existsNow);
  const order = days.map((d, i) => [d, i] as const).sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
  const out = new Array<ItemValues | null>(days.length);
  for (const [d, i] of order) out[i] = replay.at(d);
  return out;
}
