import type { FigureView } from '@jalons/contract';
import type { FigureCode, IsoDate } from '@jalons/domain';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';

import { ActorsService } from '../data/actors.service';
import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { formatNumber } from '../i18n/format';
import { I18n, Lang, tKey } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { InRoadmapPipe } from '../roadmap/in-roadmap.pipe';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';
import { loadable } from '../shared/loadable';
import { formatPercent } from '../shared/percent.pipe';
import { DiagnosticService } from './diagnostic.service';

/** The figures' names: the domain's FIGURE_LABELS, marked as keys of the dictionary (the spec checks they say the same). */
export const FIGURE_TEXT: Readonly<Record<FigureCode, string>> = {
  'operators-met': tKey('Opérateurs rencontrés'),
  'directions-met': tKey('Directions rencontrées'),
  'mature-ambitious': tKey('Acteurs matures et ambitieux'),
  workshop: tKey('Participation à l’atelier de co-construction'),
  'personal-data': tKey('Acteurs détenant des données personnelles'),
  'sensitive-data': tKey('Acteurs manipulant des données sensibles'),
  referents: tKey('Directions ayant nommé un·e référent·e données'),
  experts: tKey('Experts interrogés'),
};

const TARGET_FIELDS = ['value', 'on'] as const;

/** A figure's number as read: « 62,5 % » for a percent, « 3 » for a count, « — » when there is nobody to count. */
export function figureNumber(value: number | null, unit: FigureView['unit'], lang: Lang): string {
  if (unit === 'percent') return formatPercent(value, lang);
  if (value === null) return '—';
  return formatNumber(value, lang, 1);
}

/** What the panel shows of one figure, in the interface's language. */
interface FigureRow {
  figure: FigureView;
  label: string;
  value: string;
  /** « 4 sur 5 » under a percent */
  ratio: string | null;
  /** « 80 % », « > 60 % »; null when the study gives none */
  study: string | null;
  target: string | null;
}

/**
 * The overview's live figures of the diagnostic: each figure of the study computed today from the
 * actors' register (GET /api/roadmaps/:id/diagnostic), beside the study's value as its baseline and
 * the lead's target with its date. The project lead sets or clears a target.
 *
 *     <jl-figures-panel [roadmapId]="roadmap.id" [slug]="roadmap.slug" />
 */
@Component({
  selector: 'jl-figures-panel',
  imports: [FormsModule, FORM_FIELD, FORM_STATUS, FrDatePipe, InRoadmapPipe, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './figures-panel.html',
  styleUrl: './figures-panel.scss',
})
export class FiguresPanel {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly roadmapId = input.required<string>();
  /** the roadmap's slug, for the map's link */
  readonly slug = input.required<string>();

  private readonly diagnostic = inject(DiagnosticService);
  private readonly actors = inject(ActorsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  /** the targets are the project lead's (the API answers 403 to anyone else) */
  protected readonly canSetTargets = inject(AuthService).canManageRoadmap;

  protected readonly page = loadable(this.roadmapId, (id) => this.diagnostic.diagnostic(id));
  /** the figures as read, or with a target just set or cleared */
  protected readonly figures = linkedSignal<FigureView[] | null>(() => this.page.value()?.figures ?? null);
  protected readonly on = computed(() => this.page.value()?.on ?? null);
  protected readonly rows = computed<FigureRow[] | null>(() => {
    const figures = this.figures();
    const t = this.i18n.translate();
    const lang = this.lang();
    if (!figures) return null;
    return figures.map((figure) => {
      const label = FIGURE_TEXT[figure.code] ? t(FIGURE_TEXT[figure.code]) : figure.label;
      const number = (v: number | null) => figureNumber(v, figure.unit, lang);
      const study = figure.study ? `${figure.study.comparison === 'gt' ? '> ' : ''}${number(figure.study.value)}` : null;
      return {
        figure,
        label,
        value: number(figure.value),
        ratio:
          figure.unit === 'percent' && figure.denominator !== null
            ? t('{numerator} sur {denominator}', { numerator: figure.numerator, denominator: figure.denominator })
            : null,
        study,
        target: figure.target ? number(figure.target.value) : null,
      };
    });
  });

  /** the figure whose target form is open */
  protected readonly editing = signal<FigureCode | null>(null);
  protected readonly value = signal<number | null>(null);
  protected readonly day = signal<string>('');
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  /** the figure the last refusal concerns (its messages are shown there) */
  protected readonly refused = signal<FigureCode | null>(null);
  protected readonly saving = signal(false);
  protected readonly done = signal<string | null>(null);

  protected edit(figure: FigureView): void {
    this.done.set(null);
    this.errors.set(NO_ERRORS);
    if (this.editing() === figure.code) {
      this.editing.set(null);
      return;
    }
    this.value.set(figure.target?.value ?? null);
    this.day.set(figure.target?.on ?? '');
    this.editing.set(figure.code);
    this.focus(`chiffre-${figure.code}-value`);
  }

  protected cancel(code: FigureCode): void {
    this.editing.set(null);
    this.errors.set(NO_ERRORS);
    this.focus(`chiffre-${code}-cible`);
  }

  protected save(code: FigureCode): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    this.errors.set(NO_ERRORS);
    this.saving.set(true);
    this.actors
      .setFigureTarget(this.roadmapId(), code, { value: this.value() as number, on: this.day() as IsoDate })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.saving.set(false);
          this.editing.set(null);
          this.replace(code, (f) => ({ ...f, target: view.target }));
          this.done.set(t('Cible enregistrée.'));
          this.focus(`chiffre-${code}-cible`);
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.refused.set(code);
          this.errors.set(apiFormErrors(toApiRequestError(err, t), TARGET_FIELDS));
          focusFirstError(this.errors, TARGET_FIELDS, `chiffre-${code}`, this.injector);
        },
      });
  }

  protected clear(code: FigureCode): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    this.saving.set(true);
    this.errors.set(NO_ERRORS);
    this.actors
      .clearFigureTarget(this.roadmapId(), code)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.editing.set(null);
          this.replace(code, (f) => ({ ...f, target: null }));
          this.done.set(t('Cible retirée.'));
          this.focus(`chiffre-${code}-cible`);
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.refused.set(code);
          this.errors.set({ byField: {}, general: [toApiRequestError(err, t).message] });
        },
      });
  }

  private replace(code: FigureCode, change: (f: FigureView) => FigureView): void {
    this.figures.update((list) => list?.map((f) => (f.code === code ? change(f) : f)) ?? null);
  }

  private focus(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
