import { Route } from '@angular/router';

import { ActionPage } from './action-page';
import { MilestonePage } from './milestone-page';

export const actionRoutes: Route[] = [
  { path: ':id', component: ActionPage, title: 'Action · Jalons' },
];

export const milestoneRoutes: Route[] = [
  { path: ':id', component: MilestonePage, title: 'Jalon · Jalons' },
];
