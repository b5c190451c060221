import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { PublicIndexPage } from './public-index-page';
import { PublicRoadmapPage } from './public-roadmap-page';
import { PublicWidgetPage } from './public-widget-page';

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
  // the widget, made for an <iframe> on the territory's site: no header, no footer (the shell reads `embed`)
  {
    path: ':slug/encart',
    component: PublicWidgetPage,
    data: { bare: true, embed: true },
    title: tKey('Avancement de la feuille de route · Jalons'),
  },
];
