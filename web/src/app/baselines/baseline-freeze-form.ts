import type { BaselineView } from '@jalons/contract';
import { BASELINE_BOUNDS } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';

import { toApiRequestError } from '../data/api-error';
import { BaselinesService, FreezeBaseline } from '../data/baselines.service';
import { DecisionSelect } from '../governance/decision-select';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FormErrorList, SaveStatus } from '../shared/form-status';

/** the form's fields, in their order (ids `gel-<field>`); the API's errors on others go above it */
const FIELDS = ['label', 'decision', 'decisionId'] as const;

/**
 * « Figer le plan » (the lead): today's plan becomes a numbered baseline with a label and, in
 * words, the decision that approved it. Emits `frozen` with the baseline made.
 */
@Component({
  selector: 'jl-baseline-freeze-form',
  imports: [FormsModule, FORM_FIELD, DecisionSelect, FormErrorList, SaveStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let byField = errors().byField;
    <section class="card" aria-labelledby="titre-figer">
      <h2 id="titre-figer">{{ 'Figer le plan' | t: lang() }}</h2>
      <p class="field-hint">
        {{
          'Toutes les actions et tous les jalons sont copiés avec leurs dates d’aujourd’hui. Une ligne de base ne change plus ensuite ; un report d’un élément qu’elle contient demandera un motif.'
            | t: lang()
        }}
      </p>
      <jl-form-errors [messages]="errors().general" />
      <jl-save-status [busy]="saving()" [done]="done()" notice="success" />
      <form novalidate (ngSubmit)="submit()" data-testid="freeze-form">
        <jl-form-field
          controlId="gel-label"
          [label]="'Libellé de la ligne de base' | t: lang()"
          [hint]="'Par exemple « v1 — plan voté ». {max} caractères au plus.' | t: lang() : { max: bounds.label }"
          [error]="byField['label']"
        >
          <input jlControl name="label" type="text" required [maxlength]="bounds.label" [(ngModel)]="label" />
        </jl-form-field>
        <jl-form-field
          controlId="gel-decision"
          [label]="'Décision qui l’a approuvé (facultatif)' | t: lang()"
          [hint]="'Par exemple « Délibération du conseil du 25/06/2026 ».' | t: lang()"
          [error]="byField['decision']"
        >
          <textarea jlControl name="decision" rows="2" [maxlength]="bounds.decision" [(ngModel)]="decision"></textarea>
        </jl-form-field>
        <jl-decision-select controlId="gel-decisionId" [roadmapId]="roadmapId()" [error]="byField['decisionId']" [(value)]="decisionId" />
        <button type="submit" class="button button--primary" [attr.aria-disabled]="saving() ? true : null">
          {{ 'Figer le plan' | t: lang() }}
        </button>
      </form>
    </section>
  `,
})
export class BaselineFreezeForm {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly baselines = inject(BaselinesService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  /** the roadmap's id */
  readonly roadmapId = input.required<string>();
  readonly frozen = output<BaselineView>();

  protected readonly bounds = BASELINE_BOUNDS;
  protected readonly label = signal('');
  protected readonly decision = signal('');
  /** the governance decision that approved it, if recorded (« Gouvernance ») */
  protected readonly decisionId = signal<string | null>(null);
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  protected readonly done = signal<string | null>(null);

  protected submit(): void {
    if (this.saving()) return;
    this.done.set(null);
    const label = this.label().trim();
    if (!label) {
      this.show({ byField: { label: this.i18n.t('Donnez un libellé à la ligne de base.') }, general: [] });
      return;
    }
    const dto: FreezeBaseline = { label };
    const decision = this.decision().trim();
    if (decision) dto.decision = decision;
    const decisionId = this.decisionId();
    if (decisionId) dto.decisionId = decisionId;
    this.errors.set(NO_ERRORS);
    this.saving.set(true);
    this.baselines
      .freeze(this.roadmapId(), dto)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (made) => {
          this.saving.set(false);
          this.label.set('');
          this.decision.set('');
          this.decisionId.set(null);
          this.done.set(
            this.i18n.t('Ligne de base v{number} figée : {actions} actions et {milestones} jalons.', {
              number: made.number,
              actions: made.actions,
              milestones: made.milestones,
            }),
          );
          this.frozen.emit(made);
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.show(apiFormErrors(toApiRequestError(err, this.i18n.translate()), FIELDS));
        },
      });
  }

  private show(errors: FormErrors): void {
    this.errors.set(errors);
    focusFirstError(this.errors, FIELDS, 'gel', this.injector);
  }
}
