import type { ChronogramView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { itemHealth } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, input, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { InRoadmapPipe } from '../roadmap/in-roadmap.pipe';
import { I18n, Translate, french } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { DataTable } from '../shared/data-table';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { HEALTH_LABELS, MILESTONE_STATE_LABELS, STATUS_LABELS } from '../shared/labels';
import { PercentPipe } from '../shared/percent.pipe';

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
}

export interface TableGroup {
  id: string;
  name: string;
  color: string;
  rows: TableRow[];
}

/**
 * The chronogram's rows as groups of table rows, one group per function (in the functions'
 * order), items by date. Health in words (in the language of `t`), computed for the roadmap's
 * reference day.
 */
export function tableGroups(view: ChronogramView, t: Translate = french): TableGroup[] {
  const at = view.roadmap.at;
  const persons = new Map(view.persons.map((p) => [p.id, p.name]));
  return [...view.functions]
    .sort((a, b) => a.order - b.order)
    .map((fn) => {
      const actions: TableRow[] = view.actions
        .filter((a) => a.functionId === fn.id)
        .map((a) => {
          const health = itemHealth(a, at);
          return {
            kind: 'action',
            id: a.id,
            title: a.title,
            link: ['/actions', a.id],
            type: t('Action'),
            start: a.start,
            end: a.due,
            status: t(STATUS_LABELS[a.status]),
            progress: a.progress,
            health: health === null ? t('Sans objet') : t(HEALTH_LABELS[health]),
            owner: (a.ownerId && persons.get(a.ownerId)) || '—',
          };
        });
      const milestones: TableRow[] = view.milestones
        .filter((m) => m.functionId === fn.id)
        .map((m) => ({
          kind: 'milestone',
          id: m.id,
          title: m.title,
          link: ['/jalons', m.id],
          type: t('Jalon'),
          start: null,
          end: m.date,
          status: t(MILESTONE_STATE_LABELS[m.state]),
          progress: null,
          health: t(m.state === 'late' ? HEALTH_LABELS.late : HEALTH_LABELS.on_track),
          owner: fn.owner?.name ?? '—',
        }));
      const rows = [...actions, ...milestones].sort(
        (a, b) => (a.start ?? a.end).localeCompare(b.start ?? b.end) || a.end.localeCompare(b.end) || a.title.localeCompare(b.title, 'fr'),
      );
      return { id: fn.id, name: fn.name, color: fn.color, rows };
    });
}

/** The chronogram as a table: same data as the chart, for the keyboard and screen readers. */
@Component({
  selector: 'jl-chronogram-table',
  imports: [InRoadmapPipe, RouterLink, DataTable, FrDatePipe, PercentPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chronogram-table.html',
})
export class ChronogramTable {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly chronogram = input.required<ChronogramView>();

  protected readonly groups = computed(() => tableGroups(this.chronogram(), this.i18n.translate()));
}
