import { Route } from '@angular/router';

/**
 * The pages of one roadmap, children of `r/:slug` (app.routes.ts). Each page receives the input
 * `roadmap`, the roadmap's id resolved from the slug (roadmap/roadmap-routing.ts), and finds its summary in
 * CurrentRoadmap; links to them are built with roadmapPath(slug, …).
 */
export const roadmapRoutes: Route[] = [
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
  { path: 'acteurs', loadChildren: () => import('./actors/actors.routes').then((m) => m.actorRoutes) },
  { path: 'corbeille', loadChildren: () => import('./trash/trash.routes').then((m) => m.trashRoutes) },
  { path: 'phases', loadChildren: () => import('./planning/planning.routes').then((m) => m.phasesRoutes) },
  { path: 'reprise', loadChildren: () => import('./planning/planning.routes').then((m) => m.carryOverRoutes) },
  {
    path: 'import',
    loadChildren: () => import('./import/import.routes').then((m) => m.importRoutes),
  },
  { path: 'rapport', loadChildren: () => import('./report/report.routes').then((m) => m.reportRoutes) },
  { path: 'diagnostic', loadChildren: () => import('./diagnostic/diagnostic.routes').then((m) => m.diagnosticRoutes) },
  { path: 'gouvernance', loadChildren: () => import('./governance/governance.routes').then((m) => m.governanceRoutes) },
  { path: 'reunions', loadChildren: () => import('./governance/governance.routes').then((m) => m.meetingRoutes) },
  { path: 'lignes-de-base', loadChildren: () => import('./baselines/baselines.routes').then((m) => m.baselineRoutes) },
];
