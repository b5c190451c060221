import type { IndicatorView } from '@jalons/contract';
import { formatFrDate } from '@jalons/domain';

import { formatNumber } from '../i18n/format';
import { Lang, Translate } from '../i18n/i18n';

/**
 * 1234.5 with unit « jeux de données » → « 1 234,5 jeux de données » (`decimals` at most, two by default;
 * « % » after a space too).
 */
export function formatValue(value: number | null | undefined, unit: string, lang: Lang, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const number = formatNumber(value, lang, decimals);
  return unit.trim() === '' ? number : `${number}\u00a0${unit.trim()}`;
}

/** Decimals written in a number (0.25 → 2), two at most. */
function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(2, text.length - dot - 1);
}

/**
 * The value expected today, written as precisely as the indicator's own figures: 21.29 directions is
 * « 21 directions » when the baseline, the target and the measurements are whole numbers.
 */
export function formatExpected(ind: IndicatorView, lang: Lang): string {
  const figures = [ind.baseline.value, ind.target.value, ...ind.measurements.map((m) => m.value)];
  return formatValue(ind.expected, ind.unit, lang, Math.max(...figures.map(decimalsOf)));
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
    expected: formatExpected(ind, lang),
  });
}
