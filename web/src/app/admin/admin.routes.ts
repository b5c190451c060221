import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { AdministrationPage } from './administration-page';

export const adminRoutes: Route[] = [
  {
    path: '',
    component: AdministrationPage,
    title: tKey('Administration · Jalons'),
  },
];
