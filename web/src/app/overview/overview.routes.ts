import { Route } from '@angular/router';

import { OverviewPage } from './overview-page';

export const overviewRoutes: Route[] = [
  { path: '', component: OverviewPage, title: 'Vue du mandat · Jalons' },
];
