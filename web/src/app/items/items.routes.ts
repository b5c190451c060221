import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { ActionPage } from './action-page';
import { ItemForm } from './item-form';
import { MilestonePage } from './milestone-page';

export const actionRoutes: Route[] = [
  { path: 'nouvelle', component: ItemForm, data: { kind: 'action' }, title: tKey('Nouvelle action · Jalons') },
  { path: ':id', component: ActionPage, title: tKey('Action · Jalons') },
];

export const milestoneRoutes: Route[] = [
  { path: 'nouveau', component: ItemForm, data: { kind: 'milestone' }, title: tKey('Nouveau jalon · Jalons') },
  { path: ':id', component: MilestonePage, title: tKey('Jalon · Jalons') },
];
