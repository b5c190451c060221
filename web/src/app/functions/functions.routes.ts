import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { FunctionPage } from './function-page';

export const functionRoutes: Route[] = [{ path: ':id', component: FunctionPage, title: tKey('Fonction · Jalons') }];
