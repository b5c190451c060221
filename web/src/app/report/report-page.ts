import type { BaselineView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { isIsoDate } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';

import { CurrentRoadmap } from '../data/current-roadmap';
import { ProgressService } from '../data/progress.service';
import { ReportLang, ReportOptions, ReportPaper, ReportService } from '../data/report.service';
import { I18n, tKey } from '../i18n/i18n';
import { parisToday } from '../i18n/paris-day';
import { TranslatePipe } from '../i18n/t.pipe';
import { FORM_FIELD } from '../shared/form-field';
import { loadable } from '../shared/loadable';

export const PAPERS: ReadonlyArray<{ value: ReportPaper; label: string }> = [
  { value: 'a4', label: tKey('A4 portrait') },
  { value: 'a3', label: tKey('A3 paysage') },
];

/** The report's language, each named in itself (« English » is not translated). */
export const LANGUAGES: ReadonlyArray<{ value: ReportLang; label: string; lang: string }> = [
  { value: 'fr', label: 'Français', lang: 'fr' },
  { value: 'en', label: 'English', lang: 'en' },
];

/**
 * « Rapport au conseil » (`/r/<slug>/rapport`): the council report of a day, on A4 portrait or A3
 * landscape paper, in French or English, against a baseline, with what was achieved since a day.
 * The API builds it (ADR 0021); the page only sets its parameters and offers the PDF to download
 * and the web version in a new tab. `?at=` (from the overview read at a past day) sets the day.
 */
@Component({
  selector: 'jl-report-page',
  imports: [FORM_FIELD, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-page.html',
  styleUrl: './report-page.scss',
})
export class ReportPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly reports = inject(ReportService);
  private readonly progress = inject(ProgressService);
  private readonly current = inject(CurrentRoadmap);

  /** the roadmap's id (resolved from the URL's slug) */
  readonly roadmap = input.required<string>();
  /** ?at=YYYY-MM-DD: the day the report opens on; none: today */
  readonly at = input<string>();

  protected readonly papers = PAPERS;
  protected readonly languages = LANGUAGES;

  /** the report's day, as typed ('' while the date is incomplete) */
  protected readonly day = linkedSignal(() => {
    const at = this.at();
    return at && isIsoDate(at) ? at : parisToday();
  });
  protected readonly paper = signal<ReportPaper>('a4');
  protected readonly reportLang = linkedSignal<ReportLang>(() => this.lang());
  /** '' until the reader types one: the API's default */
  protected readonly since = signal('');

  protected readonly baselines = loadable(this.roadmap, (id) => this.progress.baselines(id));
  protected readonly baselineList = computed<BaselineView[]>(() => [...(this.baselines.value() ?? [])].sort((a, b) => b.number - a.number));
  /** the chosen baseline; by default the latest */
  protected readonly baseline = linkedSignal<string | null>(() => this.baselineList()[0]?.id ?? null);

  protected readonly dayError = computed(() => (isIsoDate(this.day()) ? null : this.i18n.t('Indiquez le jour du rapport.')));
  protected readonly sinceError = computed(() => {
    const since = this.since();
    if (since === '') return null;
    if (!isIsoDate(since)) return this.i18n.t('Indiquez un jour entier, ou laissez vide.');
    return isIsoDate(this.day()) && since > this.day() ? this.i18n.t('Ce jour doit précéder le jour du rapport.') : null;
  });

  /** the parameters, when they make a report */
  private readonly options = computed<ReportOptions | null>(() => {
    const day = this.day();
    if (!isIsoDate(day) || this.sinceError()) return null;
    return {
      at: day,
      paper: this.paper(),
      lang: this.reportLang(),
      baseline: this.baseline(),
      since: this.since() === '' ? null : (this.since() as IsoDate),
    };
  });
  protected readonly pdfUrl = computed(() => {
    const o = this.options();
    return o ? this.reports.url(this.roadmap(), 'pdf', o) : null;
  });
  protected readonly htmlUrl = computed(() => {
    const o = this.options();
    return o ? this.reports.url(this.roadmap(), 'html', o) : null;
  });
  protected readonly filename = computed(() => {
    const slug = this.current.roadmap()?.slug;
    const o = this.options();
    return slug && o ? this.reports.filename(slug, o.at) : '';
  });

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected setPaper(value: string): void {
    if (value === 'a4' || value === 'a3') this.paper.set(value);
  }

  protected setReportLang(value: string): void {
    if (value === 'fr' || value === 'en') this.reportLang.set(value);
  }
}
