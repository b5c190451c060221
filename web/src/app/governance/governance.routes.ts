import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { GovernancePage } from './governance-page';
import { MeetingPage } from './meeting-page';
import { RelevePage } from './releve-page';

/** `/r/<slug>/gouvernance`: instances, meetings, decisions. */
export const governanceRoutes: Route[] = [{ path: '', component: GovernancePage, title: tKey('Gouvernance · Jalons') }];

/** `/r/<slug>/reunions/:meetingId` and its printable relevé de décisions. */
export const meetingRoutes: Route[] = [
  { path: ':meetingId', component: MeetingPage, title: tKey('Réunion · Jalons') },
  { path: ':meetingId/releve', component: RelevePage, title: tKey('Relevé de décisions · Jalons') },
];
