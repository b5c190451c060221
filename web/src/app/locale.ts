import { registerLocaleData } from '@angular/common';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID, Provider } from '@angular/core';

/**
 * Angular's own locale stays fr-FR (LOCALE_ID cannot change at run time). The app's texts, numbers
 * and dates follow the language chosen by the person instead: see ./i18n (I18n, the `t` and
 * `jlPercent` pipes).
 */
export function provideFrenchLocale(): Provider[] {
  registerLocaleData(localeFr, 'fr-FR');
  return [{ provide: LOCALE_ID, useValue: 'fr-FR' }];
}
