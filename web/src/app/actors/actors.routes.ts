import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { ActorPage } from './actor-page';
import { ActorsPage } from './actors-page';

/** /r/<slug>/acteurs: the diagnostic's register; /nouveau and /:actorId: an actor's page. */
export const actorRoutes: Route[] = [
  { path: '', component: ActorsPage, title: tKey('Acteurs du diagnostic · Jalons') },
  { path: 'nouveau', component: ActorPage, title: tKey('Nouvel acteur · Jalons') },
  { path: ':actorId', component: ActorPage, title: tKey('Acteur · Jalons') },
];
