import type { SlipState } from '@jalons/domain';

import { Translate, french } from '../i18n/i18n';

/**
 * How a slip reads, in the language of `t`: « +12 j », « −3 j », « 0 j », « nouveau », « supprimé »
 * (the domain's `slipLabel`, translatable). Positive: later than the baseline.
 */
export function slipText(state: SlipState, days: number | null, t: Translate = french): string {
  if (state === 'new') return t('nouveau');
  if (state === 'deleted') return t('supprimé');
  const d = days ?? 0;
  if (d > 0) return t('+{n} j', { n: d });
  if (d < 0) return t('−{n} j', { n: -d });
  return t('0 j');
}

/** A class for the slip's cell: later than planned, earlier, or neither. */
export function slipClass(state: SlipState, days: number | null): string {
  if (state !== 'planned') return 'slip slip--' + state;
  const d = days ?? 0;
  return d > 0 ? 'slip slip--late' : d < 0 ? 'slip slip--early' : 'slip';
}
