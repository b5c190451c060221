import type { CreateIndicatorDto, IndicatorView, UpdateIndicatorDto } from '@jalons/contract';
import type { IndicatorDirection, IsoDate } from '@jalons/domain';
import { INDICATOR_BOUNDS, INDICATOR_DIRECTIONS } from '@jalons/domain';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';

import { toApiRequestError } from '../data/api-error';
import { IndicatorsService } from '../data/indicators.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';
import { INDICATOR_DIRECTION_TEXT } from './indicator-labels';

export const INDICATOR_FIELDS = ['name', 'unit', 'direction', 'baselineOn', 'baselineValue', 'targetOn', 'targetValue'] as const;

type Draft = Omit<CreateIndicatorDto, 'baselineValue' | 'targetValue'> & { baselineValue: number | null; targetValue: number | null };

function draftOf(ind: IndicatorView | null): Draft {
  return {
    name: ind?.name ?? '',
    unit: ind?.unit ?? '',
    direction: ind?.direction ?? 'up',
    baselineOn: ind?.baseline.on ?? '',
    baselineValue: ind?.baseline.value ?? null,
    targetOn: ind?.target.on ?? '',
    targetValue: ind?.target.value ?? null,
  };
}

/** What changed from the indicator as read (an edit sends only that, with the version read). */
function changes(draft: Draft, ind: IndicatorView): UpdateIndicatorDto {
  const before = draftOf(ind);
  const dto: UpdateIndicatorDto = { version: ind.version };
  for (const key of INDICATOR_FIELDS) {
    if (draft[key] !== before[key]) Object.assign(dto, { [key]: draft[key] });
  }
  return dto;
}

/**
 * Defining an indicator of a function, or changing one: its name and unit, which way is progress,
 * where it started (baseline) and where it should be by when (target). The API checks the rules
 * (target after the baseline, in the direction of progress) and names the field at fault.
 */
@Component({
  selector: 'jl-indicator-form',
  imports: [FormsModule, FORM_FIELD, FORM_STATUS, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './indicator-form.html',
  styles: `
    .pair {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .pair > * {
      flex: 1 1 12rem;
    }
    fieldset {
      min-inline-size: 0;
      margin: 0 0 0.5rem;
      padding: 0.5rem 0.75rem 0;
      border: 1px solid var(--jl-border);
      border-radius: 4px;
    }
  `,
})
export class IndicatorForm {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly roadmapId = input.required<string>();
  readonly functionId = input.required<string>();
  /** the indicator to change; null: a new one */
  readonly indicator = input<IndicatorView | null>(null);
  /** the fields' ids start with it (unique in the page) */
  readonly idPrefix = input.required<string>();
  /** the indicator as saved */
  readonly saved = output<IndicatorView>();
  /** the indicator changed since it was read: the page reads it again */
  readonly stale = output<void>();
  readonly cancelled = output<void>();

  private readonly indicators = inject(IndicatorsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  protected readonly bounds = INDICATOR_BOUNDS;
  protected readonly directions = INDICATOR_DIRECTIONS.map((value) => ({ value, label: INDICATOR_DIRECTION_TEXT[value] }));
  protected readonly draft = linkedSignal(() => draftOf(this.indicator()));
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  protected readonly editing = computed(() => this.indicator() !== null);

  protected set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.draft.update((d) => ({ ...d, [key]: value }));
  }

  protected setDirection(value: string): void {
    this.set('direction', value as IndicatorDirection);
  }

  protected setDay(key: 'baselineOn' | 'targetOn', value: string): void {
    this.set(key, value as IsoDate);
  }

  protected save(): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    const ind = this.indicator();
    const draft = this.draft();
    const patch = ind ? changes(draft, ind) : null;
    if (ind && patch && Object.keys(patch).length === 1) {
      this.errors.set({ byField: {}, general: [t('Rien à modifier.')] });
      return;
    }
    const request =
      ind && patch
        ? this.indicators.update(ind.id, patch)
        : this.indicators.create(this.roadmapId(), this.functionId(), draft as CreateIndicatorDto);
    this.errors.set(NO_ERRORS);
    this.saving.set(true);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (view) => {
        this.saving.set(false);
        this.saved.emit(view);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiRequestError(err, t);
        if (e.status === 409) {
          this.errors.set({
            byField: {},
            general: [t('Cet indicateur a été modifié entre-temps : voici sa version actuelle. Refaites votre modification.')],
          });
          this.stale.emit();
          return;
        }
        this.errors.set(apiFormErrors(e, INDICATOR_FIELDS));
        focusFirstError(this.errors, INDICATOR_FIELDS, this.idPrefix(), this.injector);
      },
    });
  }
}
