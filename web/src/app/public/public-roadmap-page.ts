import type { PublicRoadmapView } from '@jalons/contract';
import { compareIsoDates } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { PublicRoadmapsService } from '../data/public-roadmaps.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { MandateTimeline } from '../overview/mandate-timeline';
import type { TimelineRoadmap } from '../overview/timeline';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { DataTable } from '../shared/data-table';
import { loadable } from '../shared/loadable';
import { ROLLUP_TABLE } from '../shared/rollup-cells';
import { RollUpSummary } from '../shared/rollup-summary';

type PublicMilestone = PublicRoadmapView['milestones'][number];

interface MilestoneRow {
  key: string;
  title: string;
  functionName: string;
  color: string | null;
  date: string;
  achievedOn: string | null;
}

interface MilestoneGroup {
  id: 'late' | 'upcoming' | 'achieved';
  title: string;
  empty: string;
  rows: MilestoneRow[];
}

/**
 * A roadmap's public page (/public/:slug): where the mandate stands, by phase and by function, and
 * its milestones. No account needed; the API sends no names, e-mails or comments, and the page shows
 * none.
 */
@Component({
  selector: 'jl-public-roadmap-page',
  imports: [RouterLink, MandateTimeline, DataTable, ROLLUP_TABLE, RollUpSummary, FrDatePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './public-roadmap-page.html',
  styleUrl: './public-roadmap-page.scss',
})
export class PublicRoadmapPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** the roadmap's slug (route parameter) */
  readonly slug = input.required<string>();

  private readonly api = inject(PublicRoadmapsService);

  protected readonly page = loadable(this.slug, (slug) => this.api.get(slug));
  protected readonly ready = computed(() => this.page.value() ?? null);
  /** a page that does not exist and a closed one are the same to the public (404) */
  protected readonly notFound = computed(() => {
    const s = this.page.state();
    return s.status === 'error' && s.cause.status === 404;
  });

  /** the phases in order, numbered from 1 */
  protected readonly phases = computed(() =>
    [...(this.ready()?.phases ?? [])].sort((a, b) => compareIsoDates(a.start, b.start)).map((p, i) => ({ ...p, order: i + 1 })),
  );
  protected readonly currentPhase = computed(() => this.phases().find((p) => p.code === this.ready()?.currentPhaseCode) ?? null);
  /** the central function first, then the others as the API lists them */
  protected readonly functions = computed(() => {
    const fns = this.ready()?.functions ?? [];
    return [...fns.filter((f) => f.central), ...fns.filter((f) => !f.central)];
  });
  protected readonly timeline = computed<TimelineRoadmap | null>(() => {
    const r = this.ready();
    if (!r) return null;
    return {
      start: r.start,
      end: r.end,
      at: r.at,
      electionDates: r.electionDates,
      nextElectionDate: r.nextElectionDate,
      currentPhaseId: r.currentPhaseCode,
      phases: this.phases().map((p) => ({
        id: p.code,
        order: p.order,
        name: p.name,
        start: p.start,
        end: p.end,
      })),
    };
  });

  protected readonly milestoneGroups = computed<MilestoneGroup[]>(() => {
    const r = this.ready();
    if (!r) return [];
    const t = this.i18n.translate();
    const fns = new Map(r.functions.map((f) => [f.code, f]));
    const row = (m: PublicMilestone, i: number): MilestoneRow => ({
      key: `${m.functionCode}-${m.date}-${i}`,
      title: m.title,
      functionName: fns.get(m.functionCode)?.name ?? '—',
      color: fns.get(m.functionCode)?.color ?? null,
      date: m.date,
      achievedOn: m.achievedOn,
    });
    const byDate = (a: MilestoneRow, b: MilestoneRow): number => compareIsoDates(a.date, b.date) || a.title.localeCompare(b.title, 'fr');
    const rows = (state: PublicMilestone['state']): MilestoneRow[] =>
      r.milestones.map(row).filter((_, i) => r.milestones[i].state === state);
    return [
      {
        id: 'late',
        title: t('En retard'),
        empty: t('Aucun jalon en retard.'),
        rows: rows('late').sort(byDate),
      },
      {
        id: 'upcoming',
        title: t('À venir'),
        empty: t('Aucun jalon à venir.'),
        rows: rows('upcoming').sort(byDate),
      },
      {
        id: 'achieved',
        title: t('Atteints'),
        empty: t('Aucun jalon atteint pour l’instant.'),
        // the most recently achieved first
        rows: rows('achieved').sort(
          (a, b) => compareIsoDates(b.achievedOn ?? b.date, a.achievedOn ?? a.date) || a.title.localeCompare(b.title, 'fr'),
        ),
      },
    ];
  });
}
