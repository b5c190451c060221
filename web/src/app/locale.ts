import { registerLocaleData } from '@angular/common';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID, Provider } from '@angular/core';

/** The UI speaks French: numbers and pipes use fr-FR (61,1 ; 1 234). Dates go through formatFrDate. */
export function provideFrenchLocale(): Provider[] {
  registerLocaleData(localeFr, 'fr-FR');
  return [{ provide: LOCALE_ID, useValue: 'fr-FR' }];
}
