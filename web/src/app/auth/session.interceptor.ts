import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';

import { AuthService } from '../data/auth.service';
import { API_BASE } from '../data/roadmaps.service';
import { signInUrl } from './guards';

/**
 * A 401 from the API (outside /api/auth, whose 401s are answers: wrong password, nobody signed in)
 * means the session ended on the server: forget it, and go to the sign-in page, which says so and
 * brings the person back afterwards. The error still reaches the caller.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(req).pipe(
    catchError((err: unknown) => {
      if (
        err instanceof HttpErrorResponse &&
        err.status === 401 &&
        req.url.startsWith(`${API_BASE}/`) &&
        !req.url.startsWith(`${API_BASE}/auth/`) &&
        // several calls of a page fail together: the first one navigates
        auth.expire()
      ) {
        void router.navigateByUrl(signInUrl(router, router.url));
      }
      return throwError(() => err);
    }),
  );
};
