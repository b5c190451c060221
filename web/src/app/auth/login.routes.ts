import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { LoginPage } from './login-page';

/**
 * The sign-in page: the first page of anyone not signed in. Loaded on demand like the other pages, but
 * its chunk is named in the index page the API sends for /connexion (`modulepreload`, ADR 0039), so it
 * comes with main.js, not a round trip later (issue 14; ADR 0038, amended 2026-11-30).
 */
export const loginRoutes: Route[] = [{ path: '', component: LoginPage, title: tKey('Connexion · Jalons') }];
