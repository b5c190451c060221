import { Route } from '@angular/router';

import { administratorGuard, signedInGuard } from './auth/guards';
import { loginRoutes } from './auth/login.routes';
import { publicRoutes } from './public/public.routes';
import { roadmapRoutes } from './roadmap.routes';
import { oldLinkRedirect, openRoadmapGuard, roadmapIdResolver, roadmapsAskedEarly } from './roadmap/roadmap-routing';

/** Pages with `data.bare`: no internal navigation in the header (signed-out pages, public pages). */
const bare = { bare: true };

export const appRoutes: Route[] = [
  // signed-out pages; the sign-in page and the public pages are the first page of a visitor on a phone:
  // in the main bundle, drawn without a second round trip for their code (issue 14, bench:lighthouse)
  { path: 'connexion', data: bare, children: loginRoutes },
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
  { path: 'public', data: bare, children: publicRoutes },
  // the legal pages (issue 13): for anybody, signed in or not, linked from every page's footer
  { path: 'accessibilite', data: bare, loadChildren: () => import('./legal/legal.routes').then((m) => m.accessibilityRoutes) },
  { path: 'mentions-legales', data: bare, loadChildren: () => import('./legal/legal.routes').then((m) => m.legalNoticeRoutes) },
  { path: 'donnees-personnelles', data: bare, loadChildren: () => import('./legal/legal.routes').then((m) => m.privacyRoutes) },
  // everything else needs a signed-in account
  {
    path: '',
    canActivateChild: [signedInGuard],
    children: [
      // `/` opens the roadmap last opened on this browser, or the first
      {
        path: '',
        pathMatch: 'full',
        canActivate: [openRoadmapGuard],
        loadChildren: () => import('./overview/overview.routes').then((m) => m.overviewRoutes),
      },
      // every page of a roadmap carries it: /r/<slug>/…
      {
        path: 'r/:slug',
        // the roadmaps asked for while the session is (the slug is resolved from them)
        canMatch: [roadmapsAskedEarly],
        resolve: { roadmap: roadmapIdResolver },
        runGuardsAndResolvers: 'paramsChange',
        children: roadmapRoutes,
      },
      // links from before the roadmap was in the URL (e-mails, calendars, bookmarks)
      { path: 'chronogramme', canActivate: [oldLinkRedirect('chronogramme')], children: [] },
      { path: 'actions/:id', canActivate: [oldLinkRedirect('actions')], children: [] },
      { path: 'jalons/:id', canActivate: [oldLinkRedirect('jalons')], children: [] },
      { path: 'fonctions/:id', canActivate: [oldLinkRedirect('fonctions')], children: [] },
      {
        path: 'administration',
        canActivate: [administratorGuard],
        loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes),
      },
      {
        path: 'feuilles-de-route',
        loadChildren: () => import('./roadmaps/roadmaps.routes').then((m) => m.roadmapListRoutes),
      },
      {
        path: 'mes-echeances',
        loadChildren: () => import('./my-items/my-items.routes').then((m) => m.myItemsRoutes),
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
