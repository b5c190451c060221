import { Route } from '@angular/router';

import { ChronogramPage } from './chronogram-page';

export const chronogramRoutes: Route[] = [
  { path: '', component: ChronogramPage, title: 'Chronogramme · Jalons' },
];
