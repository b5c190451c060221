import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { TrashPage } from './trash-page';

export const trashRoutes: Route[] = [{ path: '', component: TrashPage, title: tKey('Corbeille · Jalons') }];
