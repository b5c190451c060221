import type { AccessibilityStatus } from '@jalons/domain';

import { tKey } from '../i18n/i18n';

/** The RGAA's three standings, shown in the footer and the statement (translated through the dictionary). */
export const ACCESSIBILITY_STATUS_LABELS: Readonly<Record<AccessibilityStatus, string>> = {
  'totalement conforme': tKey('totalement conforme'),
  'partiellement conforme': tKey('partiellement conforme'),
  'non conforme': tKey('non conforme'),
};
