import { Route } from '@angular/router';

export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    loadChildren: () =>
      import('./overview/overview.routes').then((m) => m.overviewRoutes),
  },
  {
    path: 'chronogramme',
    loadChildren: () =>
      import('./chronogram/chronogram.routes').then((m) => m.chronogramRoutes),
  },
  {
    path: 'actions',
    loadChildren: () =>
      import('./items/items.routes').then((m) => m.actionRoutes),
  },
  {
    path: 'jalons',
    loadChildren: () =>
      import('./items/items.routes').then((m) => m.milestoneRoutes),
  },
  {
    path: 'fonctions',
    loadChildren: () =>
      import('./functions/functions.routes').then((m) => m.functionRoutes),
  },
  { path: '**', redirectTo: '' },
];
