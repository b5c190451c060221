import { Route } from '@angular/router';

import { tKey } from '../i18n/i18n';
import { AccountPage } from './account-page';
import { ForbiddenPage } from './forbidden-page';
import { ForgotPasswordPage } from './forgot-password-page';
import { SetPasswordPage } from './set-password-page';

export const forgotPasswordRoutes: Route[] = [
  {
    path: '',
    component: ForgotPasswordPage,
    title: tKey('Mot de passe oublié · Jalons'),
  },
];

export const resetPasswordRoutes: Route[] = [
  {
    path: '',
    component: SetPasswordPage,
    data: { mode: 'reset' },
    title: tKey('Nouveau mot de passe · Jalons'),
  },
];

export const invitationRoutes: Route[] = [
  {
    path: '',
    component: SetPasswordPage,
    data: { mode: 'invitation' },
    title: tKey('Activer votre compte · Jalons'),
  },
];

export const accountRoutes: Route[] = [{ path: '', component: AccountPage, title: tKey('Mon compte · Jalons') }];

export const forbiddenRoutes: Route[] = [{ path: '', component: ForbiddenPage, title: tKey('Accès refusé · Jalons') }];
