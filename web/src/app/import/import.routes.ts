import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { ImportPage } from './import-page';

/** `/r/<slug>/import`: an edited export read back into the roadmap. */
export const importRoutes: Route[] = [{ path: '', component: ImportPage, title: tKey('Importer un tableur · Jalons') }];
