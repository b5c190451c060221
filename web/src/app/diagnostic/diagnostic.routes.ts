import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { DiagnosticPage } from './diagnostic-page';

/** /r/<slug>/diagnostic: the maturity × ambition map (?le=YYYY-MM-DD for another day). */
export const diagnosticRoutes: Route[] = [{ path: '', component: DiagnosticPage, title: tKey('Maturité × ambition · Jalons') }];
