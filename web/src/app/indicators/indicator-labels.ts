import type { IndicatorDirection, IndicatorHealth } from '@jalons/domain';

import { tKey } from '../i18n/i18n';

/*
 * The indicators' labels as the app shows them: the domain's tables (libs/shared/domain indicators.ts),
 * marked as keys of the dictionary (indicator-labels.spec.ts checks they say the same). Show them through `t`.
 */

/** What the user reads for each indicator's health (always a word, never a colour alone). */
export const INDICATOR_HEALTH_TEXT: Readonly<Record<IndicatorHealth, string>> = {
  'on-track': tKey('En bonne voie'),
  'at-risk': tKey('À surveiller'),
  'off-track': tKey('En retard'),
  'not-measured': tKey('Jamais mesuré'),
  stale: tKey('Mesure ancienne'),
};

export const INDICATOR_DIRECTION_TEXT: Readonly<Record<IndicatorDirection, string>> = {
  up: tKey('À la hausse'),
  down: tKey('À la baisse'),
};
