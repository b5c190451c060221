import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { OverviewPage } from './overview-page';

export const overviewRoutes: Route[] = [{ path: '', component: OverviewPage, title: tKey('Vue du mandat · Jalons') }];
