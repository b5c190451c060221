import { Pipe, PipeTransform } from '@angular/core';

import { Lang, LOCALES } from '../i18n/i18n';

const formats = new Map<Lang, Intl.NumberFormat>();

/**
 * 61.1 → « 61,1 % » in French (decimal comma, narrow no-break space before %), « 61.1% » in
 * English. Input is 0–100; one decimal at most.
 */
export function formatPercent(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], {
      maximumFractionDigits: 1,
    });
    formats.set(lang, format);
  }
  return `${format.format(value)}${lang === 'fr' ? '\u202f%' : '%'}`;
}

/** `{{ 61.1 | jlPercent: lang() }}`: pure, the language is an argument (see the `t` pipe). */
@Pipe({ name: 'jlPercent' })
export class PercentPipe implements PipeTransform {
  transform(value: number | null | undefined, lang: Lang): string {
    return formatPercent(value, lang);
  }
}
