import type { EvidenceKind, ProofFields } from '@jalons/contract';
import { EVIDENCE_KINDS } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, inject, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FORM_FIELD } from '../shared/form-field';
import { EVIDENCE_KIND_LABELS } from '../shared/labels';

/** The proof fields' names, as the API names them in its errors. */
export const PROOF_FIELDS = ['proofTitle', 'proofUrl', 'proofKind'] as const;

/** The proof typed in a status form, as the API takes it: nothing when title and address are both empty. */
export function proofToSend(title: string, url: string, kind: EvidenceKind): ProofFields {
  const [t, u] = [title.trim(), url.trim()];
  return t || u ? { proofTitle: t, proofUrl: u, proofKind: kind } : {};
}

/**
 * The optional proof of a status form (an action terminée, a milestone achieved): a title, a web
 * address and a kind, saved with the status in one request (docs/evidence.md).
 */
@Component({
  selector: 'jl-proof-fields',
  imports: [FormsModule, FORM_FIELD, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    fieldset {
      border: 1px solid var(--border, #ccc);
      border-radius: 0.25rem;
      padding: 0.5rem 0.75rem;
      margin: 0 0 1rem;
      min-inline-size: 0;
    }
  `,
  template: `
    <fieldset data-testid="proof-fields">
      <legend>{{ 'Preuve (facultatif)' | t: lang() }}</legend>
      <jl-form-field [controlId]="prefix() + '-proof-title'" [label]="'Intitulé de la preuve' | t: lang()" [error]="errors()['proofTitle']">
        <input jlControl name="proofTitle" type="text" maxlength="200" [(ngModel)]="title" />
      </jl-form-field>
      <jl-form-field
        [controlId]="prefix() + '-proof-url'"
        [label]="'Adresse de la preuve' | t: lang()"
        [hint]="'Commence par https:// ou http://' | t: lang()"
        [error]="errors()['proofUrl']"
      >
        <input jlControl name="proofUrl" type="url" inputmode="url" [(ngModel)]="url" />
      </jl-form-field>
      <jl-form-field [controlId]="prefix() + '-proof-kind'" [label]="'Type de preuve' | t: lang()" [error]="errors()['proofKind']">
        <select jlControl name="proofKind" [(ngModel)]="kind">
          @for (k of kinds; track k) {
            <option [value]="k">{{ kindLabels[k] | t: lang() }}</option>
          }
        </select>
      </jl-form-field>
    </fieldset>
  `,
})
export class ProofFieldsComponent {
  protected readonly lang = inject(I18n).lang;
  /** the controls' ids start with it (unique in the page) */
  readonly prefix = input.required<string>();
  /** the form's messages by field */
  readonly errors = input<Readonly<Record<string, string | undefined>>>({});
  readonly title = model('');
  readonly url = model('');
  readonly kind = model<EvidenceKind>('document');
  protected readonly kinds = EVIDENCE_KINDS;
  protected readonly kindLabels = EVIDENCE_KIND_LABELS;
}
