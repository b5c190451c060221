import type { IndicatorView } from '@jalons/contract';
import { formatFrDate } from '@jalons/domain';

import { LOCALES, Lang, Translate } from '../i18n/i18n';

const formats = new Map<Lang, Intl.NumberFormat>();

/** 1234.5 with unit « jeux de données » → « 1 234,5 jeux de données » (two decimals at most; « % » after a space too). */
export function formatValue(value: number | null | undefined, unit: string, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 });
    formats.set(lang, format);
  }
  const number = format.format(value);
  return unit.trim() === '' ? number : `${number}\u00a0${unit.trim()}`;
}

/**
 * What the trend chart says to a screen reader: the latest measurement (or that there is none), the
 * target and its date, and where the indicator should stand today.
 */
export function trendSummary(ind: IndicatorView, lang: Lang, t: Translate): string {
  const value = (v: number) => formatValue(v, ind.unit, lang);
  const target = t('cible {value} au {date}', { value: value(ind.target.value), date: formatFrDate(ind.target.on) });
  const latest = ind.latest
    ? t('dernière mesure {value} le {date}', { value: value(ind.latest.value), date: formatFrDate(ind.latest.on) })
    : t('aucune mesure depuis le point de départ, {value} le {date}', {
        value: value(ind.baseline.value),
        date: formatFrDate(ind.baseline.on),
      });
  return t('Tendance de « {name} » : {latest} ; {target} ; attendu aujourd’hui : {expected}.', {
    name: ind.name,
    latest,
    target,
    expected: value(ind.expected),
  });
}
