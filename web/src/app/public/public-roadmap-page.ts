import type { PublicRoadmapView } from '@jalons/contract';
import { compareIsoDates } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DOCUMENT } from '@angular/common';
import { RouterLink } from '@angular/router';

import { PublicRoadmapsService } from '../data/public-roadmaps.service';
import { I18n } from '../i18n/i18n';
import { pageSubject } from '../roadmap/page-title';
import { TranslatePipe } from '../i18n/t.pipe';
import { IndicatorHealthBadge } from '../indicators/indicator-health-badge';
import { INDICATOR_DIRECTION_TEXT } from '../indicators/indicator-labels';
import { formatValue } from '../indicators/indicator-format';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { DataTable } from '../shared/data-table';
import { HealthBadge } from '../shared/health-badge';
import { loadable } from '../shared/loadable';
import { compareText } from '../i18n/format';
import { PhasePurpose } from '../shared/phase-purpose';
import { ROLLUP_TABLE } from '../shared/rollup-cells';
import { RollUpSummary } from '../shared/rollup-summary';
import { drawnInSteps } from '../shared/drawn-in-steps';
import { OPEN_DATA_RESOURCES, openDataPath } from './open-data-links';
import { PublicTimeline } from './public-timeline';

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
 * A roadmap's public page (/public/:slug): the headline, the timeline, where the mandate stands by
 * phase and by function, its milestones, indicators and slips, and the links to its open data. No
 * account needed; the API sends no names, e-mails or comments, and the page shows none. Printable
 * (public-roadmap-page.scss: no buttons, links written out).
 */

@Component({
  selector: 'jl-public-roadmap-page',
  imports: [
    RouterLink,
    PublicTimeline,
    DataTable,
    ROLLUP_TABLE,
    RollUpSummary,
    HealthBadge,
    PhasePurpose,
    IndicatorHealthBadge,
    FrDatePipe,
    TranslatePipe,
  ],
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
  /**
   * the sections below the headline drawn so far (timeline, phases, functions, milestones, indicators, slips, open
   * data): those the screen shows, then the others once the reader scrolls, touches or types (all before printing)
   */
  protected readonly drawn = drawnInSteps(
    computed(() => this.ready() !== null),
    7,
    { waitForReader: true },
  );
  /** the roadmap's territory heads the page's title */
  protected readonly titleSubject = pageSubject(computed(() => this.ready()?.territory ?? null));
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
  private readonly fnNames = computed(() => new Map((this.ready()?.functions ?? []).map((f) => [f.code, f.name])));

  /** the indicators in the functions' order, their figures written with their unit */
  protected readonly indicators = computed(() => {
    const r = this.ready();
    if (!r) return [];
    const lang = this.lang();
    const order = new Map(this.functions().map((f, i) => [f.code, i]));
    return [...r.indicators]
      .sort((a, b) => (order.get(a.functionCode) ?? 99) - (order.get(b.functionCode) ?? 99) || compareText(a.name, b.name))
      .map((i) => ({
        ...i,
        functionName: this.fnNames().get(i.functionCode) ?? '—',
        directionText: INDICATOR_DIRECTION_TEXT[i.direction],
        baselineText: formatValue(i.baseline.value, i.unit, lang),
        targetText: formatValue(i.target.value, i.unit, lang),
        latestText: i.latest ? formatValue(i.latest.value, i.unit, lang) : null,
      }));
  });

  /** the slips against the latest baseline, per function (those with a slip) and per item */
  protected readonly slips = computed(() => {
    const s = this.ready()?.slips;
    if (!s) return null;
    const name = (code: string) => this.fnNames().get(code) ?? '—';
    const lang = this.lang();
    const mean = (days: number) => formatValue(days, '', lang, 1);
    return {
      ...s,
      meanText: mean(s.meanDays),
      functions: s.functions.filter((f) => f.slipped > 0).map((f) => ({ ...f, name: name(f.functionCode), meanText: mean(f.meanDays) })),
      items: s.items.map((i) => ({ ...i, functionName: name(i.functionCode) })),
    };
  });

  /** the open data of the roadmap (issue 13): the Data Package and each resource as CSV */
  protected readonly openData = computed(() => {
    const slug = this.ready()?.slug ?? this.slug();
    return {
      datapackage: openDataPath(slug, 'datapackage.json'),
      resources: OPEN_DATA_RESOURCES.map((r) => ({ ...r, href: openDataPath(slug, `${r.id}.csv`) })),
    };
  });

  private readonly document = inject(DOCUMENT);

  protected print(): void {
    this.document.defaultView?.print();
  }

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
    const byDate = (a: MilestoneRow, b: MilestoneRow): number => compareIsoDates(a.date, b.date) || compareText(a.title, b.title);
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
          (a, b) => compareIsoDates(b.achievedOn ?? b.date, a.achievedOn ?? a.date) || compareText(a.title, b.title),
        ),
      },
    ];
  });
}
