import type { EvidenceKind } from '@jalons/contract';
import { EVIDENCE_KINDS } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, afterNextRender, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';

import { toApiRequestError } from '../data/api-error';
import { GovernanceService } from '../data/governance.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';
import { EVIDENCE_KIND_LABELS } from '../shared/labels';
import { loadable } from '../shared/loadable';

const FIELDS = ['title', 'url', 'kind'] as const;

/**
 * A decision's proof links (the deliberation, a document…), as the evidence feature keeps them; for
 * the project lead, « Ajouter une preuve » opens a small form (title, address, kind).
 */
@Component({
  selector: 'jl-decision-evidence',
  imports: [FormsModule, FORM_FIELD, FORM_STATUS, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  templateUrl: './decision-evidence.html',
})
export class DecisionEvidence {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly governance = inject(GovernanceService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  readonly decisionId = input.required<string>();
  /** the project lead: may add a link */
  readonly canWrite = input(false);
  /** the decision's number in its meeting, for the button's name */
  readonly number = input(1);

  protected readonly kinds = EVIDENCE_KINDS;
  protected readonly kindLabels = EVIDENCE_KIND_LABELS;
  protected readonly links = loadable(this.decisionId, (id) => this.governance.decisionEvidence(id));
  protected readonly adding = signal(false);
  protected readonly title = signal('');
  protected readonly url = signal('');
  protected readonly kind = signal<EvidenceKind>('deliberation');
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  protected readonly done = signal<string | null>(null);

  protected open(): void {
    this.adding.set(true);
    this.done.set(null);
    setTimeout(() => document.getElementById(`decision-${this.decisionId()}-proof-title`)?.focus());
  }

  /** The form closes: the keyboard goes back to « Ajouter une preuve ». */
  protected close(): void {
    this.adding.set(false);
    afterNextRender(() => document.getElementById(`decision-${this.decisionId()}-proof-open`)?.focus(), { injector: this.injector });
  }

  protected add(): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    this.saving.set(true);
    this.errors.set(NO_ERRORS);
    const link = { title: this.title().trim(), url: this.url().trim(), kind: this.kind() };
    this.governance
      .addDecisionEvidence(this.decisionId(), link)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.close();
          this.title.set('');
          this.url.set('');
          this.done.set(t('Preuve ajoutée.'));
          this.links.reload();
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.errors.set(apiFormErrors(toApiRequestError(err, t), FIELDS));
          focusFirstError(this.errors, FIELDS, `decision-${this.decisionId()}-proof`, this.injector);
        },
      });
  }
}
