import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { CarryOverPage } from './carry-over-page';
import { PhasesPage } from './phases-page';

/** /r/<slug>/phases: the four phases' dates. */
export const phasesRoutes: Route[] = [{ path: '', component: PhasesPage, title: tKey('Dates des phases · Jalons') }];

/** /r/<slug>/reprise: closing the mandate and carrying its unfinished items over. */
export const carryOverRoutes: Route[] = [{ path: '', component: CarryOverPage, title: tKey('Clore le mandat et reprendre · Jalons') }];
