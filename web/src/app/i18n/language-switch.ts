import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { I18n, Lang } from './i18n';
import { TranslatePipe } from './t.pipe';

/**
 * « Français | English » in the header: two toggle buttons (aria-pressed) in a labelled group,
 * each language's name written in that language (`lang`), so a screen reader says it right.
 */
@Component({
  selector: 'jl-language-switch',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="lang-switch" role="group" [attr.aria-label]="'Langue de l’interface' | t: lang()">
    @for (option of options; track option.lang) {
      <button
        type="button"
        class="lang-switch__option"
        [attr.lang]="option.lang"
        data-action="lang"
        [attr.aria-pressed]="lang() === option.lang"
        (click)="choose(option.lang)"
      >
        {{ option.name }}
      </button>
    }
  </div>`,
  styles: `
    .lang-switch {
      display: inline-flex;
    }
    .lang-switch__option {
      padding: 0.15rem 0.5rem;
      border: 1px solid currentColor;
      background: transparent;
      color: inherit;
      font: inherit;
      font-size: 0.9rem;
      cursor: pointer;
    }
    .lang-switch__option:first-child {
      border-radius: 4px 0 0 4px;
    }
    .lang-switch__option:last-child {
      margin-left: -1px;
      border-radius: 0 4px 4px 0;
    }
    .lang-switch__option[aria-pressed='true'] {
      background: #fff;
      color: var(--jl-brand);
      font-weight: 700;
    }
  `,
})
export class LanguageSwitch {
  private readonly i18n = inject(I18n);

  protected readonly lang = this.i18n.lang;
  /** each name in its own language: it is not translated */
  protected readonly options: readonly { lang: Lang; name: string }[] = [
    { lang: 'fr', name: 'Français' },
    { lang: 'en', name: 'English' },
  ];

  protected choose(lang: Lang): void {
    void this.i18n.use(lang);
  }
}
