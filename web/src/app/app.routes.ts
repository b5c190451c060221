import { Route } from '@angular/router';

export const appRoutes: Route[] = [
  {
    path: '',
    loadChildren: () =>
      import('./overview/overview.routes').then((m) => m.overviewRoutes),
  },
  { path: '**', redirectTo: '' },
];
