import type { ProvenanceView } from '@jalons/contract';
import type { Provenance, ProvenanceFilter } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, booleanAttribute, inject, input } from '@angular/core';

import { I18n, tKey } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';

/** The domain's PROVENANCE_FILTER_LABELS, as keys of the dictionary: what a kit provenance (or `locale`) is called. */
export const PROVENANCE_WORDS: Readonly<Record<ProvenanceFilter, string>> = {
  etude: tKey('Étude'),
  pratique: tKey('Pratique d’un territoire'),
  exemple: tKey('Exemple à adapter'),
  locale: tKey('Ajout dans l’application'),
};

/** In a dense list (the Gantt's). */
const SHORT_WORDS: Readonly<Record<Provenance, string>> = { etude: tKey('Étude'), pratique: tKey('Pratique'), exemple: tKey('Exemple') };

/** The domain's PROVENANCE_HINTS: what a provenance means, on the item's page. */
const MEANINGS: Readonly<Record<Provenance, string>> = {
  etude: tKey('Nommée ou clairement impliquée par l’étude de préfiguration.'),
  pratique: tKey('Ce qu’un autre territoire a fait ; la référence dit lequel.'),
  exemple: tKey('Un exemple proposé par le kit, à adapter au territoire.'),
};

/**
 * Where a kit item comes from, as a badge (docs/kit.md): « Étude », « Pratique d’un territoire »,
 * « Exemple à adapter » — a word and a border style, never colour alone. Nothing for an item added in
 * the app, unless `detailed` (the item's page): then it says so, and a kit item's reference and what
 * its provenance means follow the badge. `compact` (the Gantt's list): a short word, a thinner badge.
 */
@Component({
  selector: 'jl-provenance-badge',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.provenance-host--compact]': 'compact()' },
  template: `
    @let p = provenance();
    @if (p) {
      <span class="provenance" [class]="'provenance--' + p.kind" [attr.data-provenance]="p.kind">{{
        (compact() ? shortLabels[p.kind] : labels[p.kind]) | t: lang()
      }}</span>
      @if (detailed()) {
        @if (p.reference) {
          <span class="provenance__reference" data-testid="provenance-reference">&ngsp;{{ p.reference }}</span>
        }
        <span class="provenance__hint">&ngsp;{{ hints[p.kind] | t: lang() }}</span>
      }
    } @else if (detailed()) {
      <span class="provenance provenance--locale" data-provenance="locale">{{ localLabel | t: lang() }}</span>
    }
  `,
  styles: `
    :host {
      display: inline;
    }
    .provenance {
      display: inline-block;
      padding: 0 0.45rem;
      border: 1px solid currentColor;
      border-radius: 0.25rem;
      color: var(--jl-text);
      font-size: 0.75rem;
      font-weight: 600;
      white-space: nowrap;
    }
    .provenance--etude {
      border-width: 2px;
      color: var(--jl-brand);
    }
    .provenance--pratique {
      color: #1b5e20;
    }
    .provenance--exemple,
    .provenance--locale {
      border-style: dashed;
      color: var(--jl-text-muted);
    }
    :host(.provenance-host--compact) .provenance {
      padding: 0 0.25rem;
      border-width: 1px;
      font-size: 0.7rem;
      line-height: 1.1;
    }
    .provenance__reference,
    .provenance__hint {
      display: block;
      margin-top: 0.2rem;
    }
    .provenance__hint {
      color: var(--jl-text-muted);
      font-size: 0.85rem;
    }
  `,
})
export class ProvenanceBadge {
  protected readonly lang = inject(I18n).lang;
  /** the item's provenance; null or absent: added in the app */
  readonly provenance = input<ProvenanceView | null | undefined>(null);
  /** the item's page: the reference and the meaning too, and « added in the app » when there is none */
  readonly detailed = input(false, { transform: booleanAttribute });
  /** a short word and a thin badge, for a dense list */
  readonly compact = input(false, { transform: booleanAttribute });

  protected readonly labels = PROVENANCE_WORDS;
  protected readonly hints = MEANINGS;
  protected readonly shortLabels = SHORT_WORDS;
  protected readonly localLabel = PROVENANCE_WORDS.locale;
}
