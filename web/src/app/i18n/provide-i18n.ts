import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';

import { I18n } from './i18n';

/**
 * The language chosen earlier on this browser, restored before the first page is drawn (its
 * dictionary loaded: no French flash). The pages' titles in that language: `roadmap/page-title.ts`.
 */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([provideAppInitializer(() => inject(I18n).restore())]);
}
