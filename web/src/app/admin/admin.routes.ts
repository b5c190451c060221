import { Route } from '@angular/router';

import { AdministrationPage } from './administration-page';

export const adminRoutes: Route[] = [
  { path: '', component: AdministrationPage, title: 'Administration · Jalons' },
];
