import { Route } from '@angular/router';

import { AccountPage } from './account-page';
import { ForbiddenPage } from './forbidden-page';
import { ForgotPasswordPage } from './forgot-password-page';
import { LoginPage } from './login-page';
import { SetPasswordPage } from './set-password-page';

export const loginRoutes: Route[] = [
  { path: '', component: LoginPage, title: 'Connexion · Jalons' },
];

export const forgotPasswordRoutes: Route[] = [
  {
    path: '',
    component: ForgotPasswordPage,
    title: 'Mot de passe oublié · Jalons',
  },
];

export const resetPasswordRoutes: Route[] = [
  {
    path: '',
    component: SetPasswordPage,
    data: { mode: 'reset' },
    title: 'Nouveau mot de passe · Jalons',
  },
];

export const invitationRoutes: Route[] = [
  {
    path: '',
    component: SetPasswordPage,
    data: { mode: 'invitation' },
    title: 'Activer votre compte · Jalons',
  },
];

export const accountRoutes: Route[] = [
  { path: '', component: AccountPage, title: 'Mon compte · Jalons' },
];

export const forbiddenRoutes: Route[] = [
  { path: '', component: ForbiddenPage, title: 'Accès refusé · Jalons' },
];
