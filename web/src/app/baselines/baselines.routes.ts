import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { BaselinesPage } from './baselines-page';

/** /r/<slug>/lignes-de-base: the roadmap's baselines and the slips against one (ADR 0017). */
export const baselineRoutes: Route[] = [{ path: '', component: BaselinesPage, title: tKey('Lignes de base · Jalons') }];
