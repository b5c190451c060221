import type { ActionView, MilestoneView } from '@jalons/contract';
import { BASELINE_BOUNDS, formatFrDate } from '@jalons/domain';
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
import { FormsModule } from '@angular/forms';
import { Observable } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { ItemsService } from '../data/items.service';
import type { GanttReplan } from '../gantt/gantt';
import { DecisionSelect } from '../governance/decision-select';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FormErrorList } from '../shared/form-status';

/** A move of the Gantt refused for want of a reason: the dates dropped, and the item's title. */
export type ReplanWithoutReason = GanttReplan & { title: string };

const FIELDS = ['reason', 'decisionId'] as const;

/**
 * A bar of an item of the latest baseline was dragged without a reason (the API refused it, 422 on
 * `reason`, ADR 0017): the same move again, with « Motif du changement de dates » and the decision
 * it cites. Emits `saved` with the sentence to announce, or `closed` when the reader gives up.
 */
@Component({
  selector: 'jl-replan-reason',
  imports: [FormsModule, FORM_FIELD, DecisionSelect, FormErrorList, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let m = move();
    <section class="card" aria-labelledby="motif-glisser-titre" data-testid="replan-reason">
      <h2 id="motif-glisser-titre">{{ 'Motif du report de « {title} »' | t: lang() : { title: m.title } }}</h2>
      <p>{{ dates() }}</p>
      <jl-form-errors [messages]="errors().general" />
      <form novalidate (ngSubmit)="save()">
        <jl-form-field controlId="glisser-reason" [label]="'Motif du changement de dates' | t: lang()" [error]="errors().byField['reason']">
          <textarea jlControl name="reason" rows="2" required [maxlength]="max" [(ngModel)]="reason"></textarea>
        </jl-form-field>
        <jl-decision-select
          controlId="glisser-decisionId"
          [roadmapId]="roadmapId()"
          [error]="errors().byField['decisionId']"
          [(value)]="decisionId"
        />
        <div class="toolbar">
          <button type="submit" class="button button--primary" [attr.aria-disabled]="saving() ? true : null">
            {{ 'Enregistrer avec ce motif' | t: lang() }}
          </button>
          <button type="button" class="button" (click)="closed.emit()">{{ 'Annuler' | t: lang() }}</button>
        </div>
      </form>
    </section>
  `,
})
export class ReplanReason {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly items = inject(ItemsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  readonly move = input.required<ReplanWithoutReason>();
  readonly roadmapId = input.required<string>();
  readonly saved = output<string>();
  readonly closed = output<void>();

  protected readonly max = BASELINE_BOUNDS.reason;
  protected readonly reason = signal('');
  protected readonly decisionId = signal<string | null>(null);
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  protected readonly dates = computed(() => {
    const m = this.move();
    return m.kind === 'action'
      ? this.i18n.t('Nouvelles dates : du {start} au {due}.', { start: formatFrDate(m.start), due: formatFrDate(m.due) })
      : this.i18n.t('Nouvelle date : le {date}.', { date: formatFrDate(m.start) });
  });

  constructor() {
    // the keyboard goes to the reason at once
    const document = inject(DOCUMENT);
    afterNextRender(() => document.getElementById('glisser-reason')?.focus());
  }

  protected save(): void {
    if (this.saving()) return;
    const reason = this.reason().trim();
    if (!reason) {
      this.show({ byField: { reason: this.i18n.t('Indiquez le motif du changement de dates.') }, general: [] });
      return;
    }
    const m = this.move();
    const why = { reason, ...(this.decisionId() ? { decisionId: this.decisionId() ?? undefined } : {}) };
    const request: Observable<ActionView | MilestoneView> =
      m.kind === 'action'
        ? this.items.updateAction(m.id, { version: m.version, start: m.start, due: m.due, ...why })
        : this.items.updateMilestone(m.id, { version: m.version, date: m.start, ...why });
    this.saving.set(true);
    this.errors.set(NO_ERRORS);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.saving.set(false);
        this.saved.emit(this.i18n.t('Nouvelles dates enregistrées, avec leur motif.'));
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.show(apiFormErrors(toApiRequestError(err, this.i18n.translate()), FIELDS));
      },
    });
  }

  private show(errors: FormErrors): void {
    this.errors.set(errors);
    focusFirstError(this.errors, FIELDS, 'glisser', this.injector);
  }
}
