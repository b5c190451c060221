import {
  EnvironmentProviders,
  Injectable,
  effect,
  inject,
  makeEnvironmentProviders,
  provideAppInitializer,
  untracked,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

import { I18n } from './i18n';

/**
 * The routes' titles (« Vue du mandat · Jalons », marked with `tKey`) in the language of the
 * interface, again after a switch.
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private french: string | undefined;

  constructor() {
    super();
    effect(() => {
      this.i18n.lang();
      untracked(() => this.apply());
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.french = this.buildTitle(snapshot);
    this.apply();
  }

  private apply(): void {
    if (this.french !== undefined) this.title.setTitle(this.i18n.t(this.french));
  }
}

/**
 * The language chosen earlier on this browser, restored before the first page is drawn (its
 * dictionary loaded: no French flash), and translated page titles.
 */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => inject(I18n).restore()),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
  ]);
}
