import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { PublicIndexPage } from './public-index-page';
import { PublicRoadmapPage } from './public-roadmap-page';

export const publicRoutes: Route[] = [
  {
    path: '',
    component: PublicIndexPage,
    title: tKey('Feuilles de route publiques · Jalons'),
  },
  {
    path: ':slug',
    component: PublicRoadmapPage,
    title: tKey('Page publique · Jalons'),
  },
];
