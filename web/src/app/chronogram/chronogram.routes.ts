import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { ChronogramPage } from './chronogram-page';

export const chronogramRoutes: Route[] = [{ path: '', component: ChronogramPage, title: tKey('Chronogramme · Jalons') }];
