import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';

/** A fact set per instance (LEGAL_*), or « à renseigner par l’éditeur de cette instance » when it is not set. */
@Component({
  selector: 'jl-legal-value',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (value(); as v) {
      @if (email()) {
        <a [href]="'mailto:' + v">{{ v }}</a>
      } @else {
        <span class="legal-value">{{ v }}</span>
      }
    } @else {
      <em class="legal-value legal-value--missing">{{ 'à renseigner par l’éditeur de cette instance' | t: lang() }}</em>
    }`,
  styles: `
    .legal-value {
      white-space: pre-line;
    }
  `,
})
export class LegalValue {
  protected readonly lang = inject(I18n).lang;
  readonly value = input.required<string | null>();
  /** an e-mail address: a mailto: link */
  readonly email = input(false);
}
