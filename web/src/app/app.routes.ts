import { Route } from '@angular/router';

import { administratorGuard, signedInGuard } from './auth/guards';

/** Pages with `data.bare`: no internal navigation in the header (signed-out pages, public pages). */
const bare = { bare: true };

export const appRoutes: Route[] = [
  // signed-out pages
  {
    path: 'connexion',
    data: bare,
    loadChildren: () => import('./auth/auth.routes').then((m) => m.loginRoutes),
  },
  {
    path: 'mot-de-passe-oublie',
    data: bare,
    loadChildren: () => import('./auth/auth.routes').then((m) => m.forgotPasswordRoutes),
  },
  {
    path: 'nouveau-mot-de-passe',
    data: bare,
    loadChildren: () => import('./auth/auth.routes').then((m) => m.resetPasswordRoutes),
  },
  {
    path: 'invitation',
    data: bare,
    loadChildren: () => import('./auth/auth.routes').then((m) => m.invitationRoutes),
  },
  // the public pages: no account, no personal data
  {
    path: 'public',
    data: bare,
    loadChildren: () => import('./public/public.routes').then((m) => m.publicRoutes),
  },
  // everything else needs a signed-in account
  {
    path: '',
    canActivateChild: [signedInGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadChildren: () => import('./overview/overview.routes').then((m) => m.overviewRoutes),
      },
      {
        path: 'chronogramme',
        loadChildren: () => import('./chronogram/chronogram.routes').then((m) => m.chronogramRoutes),
      },
      {
        path: 'actions',
        loadChildren: () => import('./items/items.routes').then((m) => m.actionRoutes),
      },
      {
        path: 'jalons',
        loadChildren: () => import('./items/items.routes').then((m) => m.milestoneRoutes),
      },
      {
        path: 'fonctions',
        loadChildren: () => import('./functions/functions.routes').then((m) => m.functionRoutes),
      },
      {
        path: 'administration',
        canActivate: [administratorGuard],
        loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes),
      },
      {
        path: 'mon-compte',
        loadChildren: () => import('./auth/auth.routes').then((m) => m.accountRoutes),
      },
      {
        path: 'acces-refuse',
        loadChildren: () => import('./auth/auth.routes').then((m) => m.forbiddenRoutes),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
