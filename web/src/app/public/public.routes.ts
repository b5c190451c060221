import { Route } from '@angular/router';

import { PublicIndexPage } from './public-index-page';
import { PublicRoadmapPage } from './public-roadmap-page';

export const publicRoutes: Route[] = [
  {
    path: '',
    component: PublicIndexPage,
    title: 'Feuilles de route publiques · Jalons',
  },
  {
    path: ':slug',
    component: PublicRoadmapPage,
    title: 'Page publique · Jalons',
  },
];
