import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { ReportPage } from './report-page';

export const reportRoutes: Route[] = [{ path: '', component: ReportPage, title: tKey('Rapport au conseil · Jalons') }];
