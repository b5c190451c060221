import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { LoginPage } from './login-page';

/**
 * The sign-in page, in the main bundle (not loaded on demand like the other signed-out pages): it is
 * the first page of anyone not signed in, drawn without a second round trip (issue 14).
 */
export const loginRoutes: Route[] = [{ path: '', component: LoginPage, title: tKey('Connexion · Jalons') }];
