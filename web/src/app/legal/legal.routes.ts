import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { AccessibilityPage } from './accessibility-page';
import { LegalNoticePage } from './legal-notice-page';
import { PrivacyPage } from './privacy-page';

/** The pages a French public service owes its users (issue 13), for anybody, linked from every page's footer. */
export const accessibilityRoutes: Route[] = [
  { path: '', component: AccessibilityPage, title: tKey('Déclaration d’accessibilité · Jalons') },
];
export const legalNoticeRoutes: Route[] = [{ path: '', component: LegalNoticePage, title: tKey('Mentions légales · Jalons') }];
export const privacyRoutes: Route[] = [{ path: '', component: PrivacyPage, title: tKey('Données personnelles · Jalons') }];
