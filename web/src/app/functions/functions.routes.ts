import { Route } from '@angular/router';

import { FunctionPage } from './function-page';

export const functionRoutes: Route[] = [
  { path: ':id', component: FunctionPage, title: 'Fonction · Jalons' },
];
