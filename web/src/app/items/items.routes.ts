import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { ActionPage } from './action-page';
import { MilestonePage } from './milestone-page';

export const actionRoutes: Route[] = [{ path: ':id', component: ActionPage, title: tKey('Action · Jalons') }];

export const milestoneRoutes: Route[] = [{ path: ':id', component: MilestonePage, title: tKey('Jalon · Jalons') }];
