import type { IndicatorView, MeasurementView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { formatFrDate } from '@jalons/domain';
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
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { IndicatorsService } from '../data/indicators.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { DataTable } from '../shared/data-table';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { IndicatorForm } from './indicator-form';
import { formatExpected, formatValue } from './indicator-format';
import { IndicatorHealthBadge } from './indicator-health-badge';
import { INDICATOR_DIRECTION_TEXT } from './indicator-labels';
import { MeasurementForm } from './measurement-form';
import { TrendChart } from './trend-chart';

/** What the card has open: nothing, a form, or the question before a deletion. */
type Open =
  | null
  | { kind: 'measure' }
  | { kind: 'edit' }
  | { kind: 'delete-indicator' }
  | { kind: 'delete-measurement'; measurement: MeasurementView };

/** A measurement's row: its value written with the unit, its source named by the site's address. */
interface MeasurementRow {
  m: MeasurementView;
  value: string;
  sourceHost: string | null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

/**
 * One indicator of a function: where it started, where it should be and by when, its latest
 * measurement and its health, the trend drawn against the plan, and its measurements. For the lead
 * and the function's owner: record a measurement, change the indicator, delete either.
 */
@Component({
  selector: 'jl-indicator-card',
  imports: [DataTable, FrDatePipe, IndicatorForm, IndicatorHealthBadge, MeasurementForm, TranslatePipe, TrendChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './indicator-card.html',
  styleUrl: './indicator-card.scss',
})
export class IndicatorCard {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly indicator = input.required<IndicatorView>();
  readonly roadmapId = input.required<string>();
  readonly today = input.required<IsoDate>();
  /** the lead, or the owner of the indicator's function */
  readonly canWrite = input(false);
  /** the indicator as now saved */
  readonly changed = output<IndicatorView>();
  /** the indicator is gone, or changed in a way only a new reading shows (a measurement deleted, a conflict) */
  readonly reload = output<void>();
  /** the indicator was deleted */
  readonly removed = output<string>();

  private readonly indicators = inject(IndicatorsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  protected readonly open = signal<Open>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** what was just done, announced (and shown) */
  protected readonly done = signal<string | null>(null);

  protected readonly key = computed(() => `indicateur-${this.indicator().id}`);
  protected readonly directionText = computed(() => INDICATOR_DIRECTION_TEXT[this.indicator().direction]);
  protected readonly show = computed(() => {
    const ind = this.indicator();
    const lang = this.lang();
    return {
      baseline: formatValue(ind.baseline.value, ind.unit, lang),
      target: formatValue(ind.target.value, ind.unit, lang),
      latest: ind.latest ? formatValue(ind.latest.value, ind.unit, lang) : null,
      expected: formatExpected(ind, lang),
    };
  });
  /** newest first, as a reader looks for the last one */
  protected readonly rows = computed<MeasurementRow[]>(() => {
    const ind = this.indicator();
    return [...ind.measurements].reverse().map((m) => ({
      m,
      value: formatValue(m.value, ind.unit, this.lang()),
      sourceHost: hostOf(m.sourceUrl),
    }));
  });
  protected readonly question = computed(() => {
    const o = this.open();
    if (o?.kind === 'delete-indicator') {
      return this.i18n.t('Supprimer l’indicateur « {name} » et ses {n} mesures ?', {
        name: this.indicator().name,
        n: this.indicator().measurements.length,
      });
    }
    if (o?.kind === 'delete-measurement') {
      return this.i18n.t('Supprimer la mesure du {date} ?', { date: formatFrDate(o.measurement.on) });
    }
    return null;
  });

  protected toggle(kind: 'measure' | 'edit'): void {
    this.done.set(null);
    this.error.set(null);
    this.open.set(this.open()?.kind === kind ? null : { kind });
  }

  protected askDeleteIndicator(): void {
    this.ask({ kind: 'delete-indicator' });
  }

  protected askDeleteMeasurement(measurement: MeasurementView): void {
    this.ask({ kind: 'delete-measurement', measurement });
  }

  /** Closes what is open, the keyboard back on the button that opened it. */
  protected close(opener: string): void {
    this.open.set(null);
    this.error.set(null);
    this.focus(opener);
  }

  /** A form saved: it closes, says so, and gives the keyboard back to the button that opened it. */
  protected onSaved(view: IndicatorView, form: 'measure' | 'edit'): void {
    this.open.set(null);
    this.done.set(form === 'measure' ? this.i18n.t('Mesure enregistrée.') : this.i18n.t('Indicateur enregistré.'));
    this.changed.emit(view);
    this.focus(`${this.key()}-${form === 'measure' ? 'mesurer' : 'modifier'}`);
  }

  protected confirmDelete(): void {
    const o = this.open();
    if (this.busy() || !o || (o.kind !== 'delete-indicator' && o.kind !== 'delete-measurement')) return;
    const t = this.i18n.translate();
    const request: Observable<void> =
      o.kind === 'delete-indicator' ? this.indicators.remove(this.indicator().id) : this.indicators.removeMeasurement(o.measurement.id);
    this.busy.set(true);
    this.error.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.busy.set(false);
        this.open.set(null);
        if (o.kind === 'delete-indicator') {
          this.removed.emit(this.indicator().id);
        } else {
          this.done.set(t('Mesure supprimée.'));
          this.reload.emit();
          this.focus(`${this.key()}-mesures`);
        }
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(toApiRequestError(err, t).message);
      },
    });
  }

  private ask(open: Open): void {
    this.done.set(null);
    this.error.set(null);
    this.open.set(open);
    this.focus(`${this.key()}-annuler-suppression`);
  }

  private focus(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
