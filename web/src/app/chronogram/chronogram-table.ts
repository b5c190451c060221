import type { ChronogramActionView, ChronogramMilestoneView, ChronogramView, FunctionView, ProvenanceView } from '@jalons/contract';
import type { DaySpan, IsoDate } from '@jalons/domain';
import { itemHealth, provenanceFilterOf, slipDays } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, effect, input, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';

import { slipText } from '../baselines/slip-text';
import { idleTask } from '../gantt/idle-task';
import { AuthService } from '../data/auth.service';
import { compareText } from '../i18n/format';
import { I18n, Translate, french, translatedOnce } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { ReviewFilter, FilterableItem, NO_FILTER, isFiltered, passes, readReviewFilter } from '../review/review-filter';
import { ReviewItem } from '../review/review-item';
import { ReviewRow } from '../review/review-row';
import { roadmapPath } from '../roadmap/roadmap-path';
import { DataTable } from '../shared/data-table';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { HEALTH_LABELS, MILESTONE_STATE_LABELS, STATUS_LABELS } from '../shared/labels';
import { ProvenanceBadge } from '../shared/provenance-badge';

export interface TableRow {
  kind: 'action' | 'milestone';
  id: string;
  title: string;
  link: string[];
  /** « Action » or « Jalon », in the language of the table */
  type: string;
  start: IsoDate | null;
  /** due date of an action, date of a milestone */
  end: IsoDate;
  status: string;
  progress: number | null;
  health: string;
  owner: string;
  /** where it comes from (its badge); null when added in the app */
  provenance: ProvenanceView | null;
  /** what the weekly review edits */
  item: ReviewItem;
  /** what the filters look at */
  filter: FilterableItem;
}

export interface TableGroup {
  id: string;
  name: string;
  color: string;
  /** how many rows the group holds, known without building them */
  count: number;
  /** its rows, by date (built when first read: the table opens on its first rows, not on 1,000) */
  readonly rows: TableRow[];
}

/** The items of `list` by their function, in their order (one pass: the table opens on 1,000 of them). */
function byFunction<T extends { functionId: string }>(list: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const group = groups.get(item.functionId);
    if (group) group.push(item);
    else groups.set(item.functionId, [item]);
  }
  return groups;
}

function actionRow(a: ChronogramActionView, at: IsoDate, slug: string, owner: string, t: Translate): TableRow {
  const health = itemHealth(a, at);
  const link = ['/actions', a.id];
  return {
    kind: 'action',
    id: a.id,
    title: a.title,
    link,
    type: t('Action'),
    start: a.start,
    end: a.due,
    status: t(STATUS_LABELS[a.status]),
    progress: a.progress,
    health: health === null ? t('Sans objet') : t(HEALTH_LABELS[health]),
    owner,
    provenance: a.provenance ?? null,
    item: {
      kind: 'action',
      id: a.id,
      functionId: a.functionId,
      title: a.title,
      link: roadmapPath(slug, 'actions', a.id),
      version: a.version,
      start: a.start,
      due: a.due,
      status: a.status,
      progress: a.progress,
      achievedOn: null,
    },
    filter: {
      functionId: a.functionId,
      phaseId: a.phaseId,
      ownerId: a.ownerId,
      status: a.status,
      due: a.due,
      open: a.status !== 'terminee' && a.status !== 'abandonnee',
      provenance: provenanceFilterOf(a.provenance?.kind),
    },
  };
}

function milestoneRow(
  m: ChronogramMilestoneView,
  fn: FunctionView,
  slug: string,
  persons: ReadonlyMap<string, string>,
  t: Translate,
): TableRow {
  const link = ['/jalons', m.id];
  // a milestone's own owner, else its function's
  const ownerId = m.ownerId ?? fn.owner?.id ?? null;
  return {
    kind: 'milestone',
    id: m.id,
    title: m.title,
    link,
    type: t('Jalon'),
    start: null,
    end: m.date,
    status: t(MILESTONE_STATE_LABELS[m.state]),
    progress: null,
    health: t(m.state === 'late' ? HEALTH_LABELS.late : HEALTH_LABELS.on_track),
    owner: (ownerId && persons.get(ownerId)) || fn.owner?.name || '—',
    provenance: m.provenance ?? null,
    item: {
      kind: 'milestone',
      id: m.id,
      functionId: m.functionId,
      title: m.title,
      link: roadmapPath(slug, 'jalons', m.id),
      version: m.version,
      start: null,
      due: m.date,
      status: null,
      progress: null,
      achievedOn: m.achievedOn,
    },
    filter: {
      functionId: m.functionId,
      phaseId: m.phaseId,
      ownerId,
      status: null,
      due: m.date,
      open: !m.achievedOn,
      provenance: provenanceFilterOf(m.provenance?.kind),
    },
  };
}

/** ISO days compare as strings: `<`, not `localeCompare` (1,000 rows are sorted when the table opens). */
const compareDays = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** By start (a milestone's date), then end, then title in the French order. */
function byDateThenTitle(a: TableRow, b: TableRow): number {
  return compareDays(a.start ?? a.end, b.start ?? b.end) || compareDays(a.end, b.end) || compareText(a.title, b.title);
}

/**
 * The chronogram's rows as groups of table rows, one group per function (in the functions'
 * order), items by date. Health in words (in the language of `t`), computed for the roadmap's
 * reference day. A group's rows are built when first read (`count` needs none): the table's first
 * screen reads the first group's, not the 1,000 rows of every function.
 */
export function tableGroups(view: ChronogramView, t: Translate = french): TableGroup[] {
  const { at, slug } = view.roadmap;
  const persons = new Map(view.persons.map((p) => [p.id, p.name]));
  // 1,000 rows ask for the same dozen words
  const words = translatedOnce(t);
  const actionsOf = byFunction(view.actions);
  const milestonesOf = byFunction(view.milestones);
  return [...view.functions]
    .sort((a, b) => a.order - b.order)
    .map((fn) => {
      const actions = actionsOf.get(fn.id) ?? [];
      const milestones = milestonesOf.get(fn.id) ?? [];
      let rows: TableRow[] | null = null;
      return {
        id: fn.id,
        name: fn.name,
        color: fn.color,
        count: actions.length + milestones.length,
        get rows(): TableRow[] {
          rows ??= [
            ...actions.map((a) => actionRow(a, at, slug, (a.ownerId && persons.get(a.ownerId)) || '—', words)),
            ...milestones.map((m) => milestoneRow(m, fn, slug, persons, words)),
          ].sort(byDateThenTitle);
          return rows;
        },
      };
    });
}

/**
 * Rows drawn when the table opens: about a screenful (a row with its controls is ~45 px high, the
 * table starts below the toolbar and the filters); the others follow, `STEP_ROWS` at a time, one
 * task each when the browser is idle, short enough for a click to be answered in between (ADR 0028).
 */
export const FIRST_ROWS = 15;
const STEP_ROWS = 10;

/**
 * The first `limit` rows of the groups, in order (an empty group counts as one row: its « Aucune action… » line);
 * a group cut short keeps its `count`, the number its heading shows.
 */
export function firstRows(groups: readonly TableGroup[], limit: number): TableGroup[] {
  const shown: TableGroup[] = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) break;
    shown.push(group.count <= left ? group : { ...group, rows: group.rows.slice(0, left) });
    left -= Math.max(1, group.count);
  }
  return shown;
}

/** The groups with only the rows that pass the filters; a group left empty by them is dropped. */
export function filterGroups(groups: readonly TableGroup[], filter: ReviewFilter, at: IsoDate): TableGroup[] {
  if (!isFiltered(filter)) return [...groups];
  return groups
    .map((g) => {
      const rows = g.rows.filter((r) => passes(r.filter, filter, at));
      return { id: g.id, name: g.name, color: g.color, count: rows.length, rows };
    })
    .filter((g) => g.count > 0);
}

/**
 * The chronogram as a table: same data as the chart, for the keyboard and screen readers, and the
 * weekly review — rows the person may write are edited in place (ReviewRow), the filters of the
 * URL (review-filter.ts) choose the rows.
 */
@Component({
  selector: 'jl-chronogram-table',
  imports: [DataTable, FrDatePipe, ProvenanceBadge, ReviewRow, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chronogram-table.html',
})
export class ChronogramTable {
  private readonly i18n = inject(I18n);
  private readonly auth = inject(AuthService);
  protected readonly lang = this.i18n.lang;
  readonly chronogram = input.required<ChronogramView>();

  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap);
  protected readonly filter = computed(() => {
    const params = this.params();
    return params ? readReviewFilter(params) : NO_FILTER;
  });
  protected readonly filtered = computed(() => isFiltered(this.filter()));
  private readonly allGroups = computed(() => tableGroups(this.chronogram(), this.i18n.translate()));
  private readonly groups = computed(() => filterGroups(this.allGroups(), this.filter(), this.chronogram().roadmap.at));
  private readonly rowCount = computed(() => this.groups().reduce((n, g) => n + Math.max(1, g.count), 0));
  /** how many rows are drawn: the first ones at once, then more after each render until all are (1,000 rows are not drawn in one go) */
  private readonly limit = signal(FIRST_ROWS);
  protected readonly shownGroups = computed(() => firstRows(this.groups(), this.limit()));
  /** rows are still being added (aria-busy) */
  protected readonly filling = computed(() => this.limit() < this.rowCount());
  protected readonly span = computed((): DaySpan => ({ start: this.chronogram().roadmap.start, end: this.chronogram().roadmap.end }));
  /** someone who may write some function shown gets the comment and « Enregistrer » columns */
  protected readonly editColumns = computed(() => this.chronogram().functions.some((f) => this.auth.canWriteItemsOf(f.id)));
  /** a baseline chosen on the page (`?ligne=`): each row's slip against it, in its own column (ADR 0017) */
  protected readonly baseline = computed(() => this.chronogram().baseline ?? null);
  private readonly frozenDue = computed(() => new Map((this.baseline()?.items ?? []).map((i) => [`${i.type}:${i.id}`, i.due])));
  protected readonly columns = computed(() => (this.editColumns() ? 10 : 8) + (this.baseline() ? 1 : 0));

  /** « +12 j », « −3 j », « 0 j » against the baseline's due date (or date); « nouveau » when it holds no such item */
  constructor() {
    // after each render, the next rows (reads limit: runs again once they are drawn)
    effect((onCleanup) => {
      const limit = this.limit();
      if (limit >= this.rowCount()) return;
      onCleanup(idleTask(() => this.limit.set(limit + STEP_ROWS)));
    });
  }

  protected slipOf(row: TableRow): string {
    const t = this.i18n.translate();
    const due = this.frozenDue().get(`${row.kind}:${row.id}`);
    return due === undefined ? slipText('new', null, t) : slipText('planned', slipDays(due, row.end), t);
  }

  protected canWrite(functionId: string): boolean {
    return this.auth.canWriteItemsOf(functionId);
  }
}
