import { inject } from '@angular/core';
import { CanActivateChildFn, CanActivateFn, Router, UrlTree } from '@angular/router';

import { AuthService } from '../data/auth.service';

export const SIGN_IN_PATH = '/connexion';
export const FORBIDDEN_PATH = '/acces-refuse';

/** Only paths of this app come back from ?retour= (no other site, no loop through the sign-in page). */
export function safeReturnUrl(retour: string | null | undefined): string {
  if (!retour || !retour.startsWith('/') || retour.startsWith('//') || retour.startsWith('/\\') || retour.startsWith(SIGN_IN_PATH)) {
    return '/';
  }
  return retour;
}

/** /connexion?retour=<url>, the url left out when it is the home page. */
export function signInUrl(router: Router, retour: string): UrlTree {
  const back = safeReturnUrl(retour);
  return router.createUrlTree([SIGN_IN_PATH], {
    queryParams: back === '/' ? {} : { retour: back },
  });
}

/**
 * The internal pages (canActivateChild, so every navigation checks it): a signed-in account, or
 * the sign-in page, which brings the person back. At start it waits until the session is known.
 */
export const signedInGuard: CanActivateChildFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.whenKnown();
  return auth.signedIn() ? true : signInUrl(router, state.url);
};

/** /administration: the administrator. Anybody else is sent to « Accès refusé », which says why. */
export const administratorGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.whenKnown();
  if (!auth.signedIn()) return signInUrl(router, state.url);
  if (auth.canManageAccounts()) return true;
  return router.parseUrl(FORBIDDEN_PATH);
};
