import { Pipe, PipeTransform, inject } from '@angular/core';

import { I18n, Lang, Params } from './i18n';

/**
 * A French text in the language of the interface:
 * `{{ 'Vue du mandat' | t: lang() }}`, `{{ 'Phase en cours : {phase}' | t: lang() : { phase: name } }}`.
 *
 * Pure: the language is an argument (each component exposes `lang = inject(I18n).lang`). A switch
 * changes the argument, so the pipe runs again, and the template, which read the signal, is
 * refreshed even under OnPush. The argument is required: forgetting it does not compile.
 */
@Pipe({ name: 't' })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: string | null | undefined, lang: Lang, params?: Params): string {
    if (key === null || key === undefined) return '';
    return this.i18n.translateIn(lang, key, params);
  }
}
