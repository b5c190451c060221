import { Pipe, PipeTransform } from '@angular/core';

import { formatNumber } from '../i18n/format';
import { Lang } from '../i18n/i18n';

/**
 * 61.1 → « 61,1 % » in French (decimal comma, narrow no-break space before %), « 61.1% » in
 * English. Input is 0–100; one decimal at most.
 */
export function formatPercent(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${formatNumber(value, lang, 1)}${lang === 'fr' ? '\u202f%' : '%'}`;
}

/** `{{ 61.1 | jlPercent: lang() }}`: pure, the language is an argument (see the `t` pipe). */
@Pipe({ name: 'jlPercent' })
export class PercentPipe implements PipeTransform {
  transform(value: number | null | undefined, lang: Lang): string {
    return formatPercent(value, lang);
  }
}
