import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { MyItemsPage } from './my-items-page';

export const myItemsRoutes: Route[] = [{ path: '', component: MyItemsPage, title: tKey('Mes échéances · Jalons') }];
