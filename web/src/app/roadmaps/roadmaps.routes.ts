import { inject } from '@angular/core';
import { CanActivateFn, Route, Router } from '@angular/router';

import { FORBIDDEN_PATH } from '../auth/guards';
import { AuthService } from '../data/auth.service';
import { tKey } from '../i18n/i18n';
import { NewRoadmapPage } from './new-roadmap-page';
import { RoadmapsPage } from './roadmaps-page';

/** /feuilles-de-route/nouvelle: the project lead. Anybody else is sent to « Accès refusé », which says why. */
export const roadmapLeadGuard: CanActivateFn = () => inject(AuthService).canManageRoadmap() || inject(Router).parseUrl(FORBIDDEN_PATH);

/** /feuilles-de-route: the instance's roadmaps; /feuilles-de-route/nouvelle: a new one from the kit. */
export const roadmapListRoutes: Route[] = [
  { path: '', component: RoadmapsPage, title: tKey('Feuilles de route · Jalons') },
  {
    path: 'nouvelle',
    component: NewRoadmapPage,
    canActivate: [roadmapLeadGuard],
    title: tKey('Nouvelle feuille de route · Jalons'),
  },
];
