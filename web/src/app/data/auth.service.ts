import type {
  AcceptInvitationDto,
  ChangePasswordDto,
  LoginDto,
  MeView,
  PreferencesDto,
  RequestPasswordResetDto,
  ResetPasswordDto,
  SessionView,
} from '@jalons/contract';
import type { DigestFrequency } from '@jalons/domain';
import { canManageAccounts, canManageRoadmap, canWriteItemsOf, canWriteSomeItems } from '@jalons/domain';
import { HttpClient, HttpXsrfTokenExtractor } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, catchError, firstValueFrom, map, of, switchMap, tap, timeout } from 'rxjs';

import { tKey } from '../i18n/i18n';
import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

const AUTH = `${API_BASE}/auth`;

/** How long the app waits for GET /api/auth/session at start before taking nobody as signed in. */
const START_TIMEOUT_MS = 10_000;

/** A message for the sign-in page, left by the page that sent the person there (French: a key of the dictionary). */
export interface SignInNotice {
  kind: 'info' | 'warning';
  text: string;
}

export const SESSION_EXPIRED: SignInNotice = {
  kind: 'warning',
  text: tKey('Votre session a expiré : reconnectez-vous.'),
};

/**
 * The signed-in account, and signing in and out. The API enforces the rules; the web app reads the
 * same table (@jalons/domain `access.ts`) to hide what the person may not do.
 *
 * Mutating requests carry the XSRF-TOKEN cookie back in the X-XSRF-TOKEN header (Angular's XSRF
 * support): GET /api/auth/session sets the cookie, so it is asked at start, and again before a form
 * of the signed-out pages is sent if the cookie has gone. It answers 200 whether somebody is signed
 * in or not: a page opened signed out logs no failed request (issue 14). The start does not hold the
 * first page back: the pages that need an account wait for the answer in their guards (`whenKnown`).
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly xsrf = inject(HttpXsrfTokenExtractor);

  private readonly session = signal<MeView | null>(null);
  /** the signed-in account, null when nobody is signed in */
  readonly me = this.session.asReadonly();
  readonly signedIn = computed(() => this.session() !== null);

  private readonly notice = signal<SignInNotice | null>(null);

  /** settled once it is known who is signed in: the start-up answer, or a session set before it */
  private known!: () => void;
  private readonly knownPromise = new Promise<void>((resolve) => (this.known = resolve));

  // What the signed-in person may do (the domain's rules, read from the session signal).
  readonly canManageAccounts = computed(() => canManageAccounts(this.me()));
  readonly canManageRoadmap = computed(() => canManageRoadmap(this.me()));
  readonly canWriteSomeItems = computed(() => canWriteSomeItems(this.me()));
  /** Whether the person may write the actions and milestones of a function (reactive in templates and computed). */
  canWriteItemsOf(functionId: string): boolean {
    return canWriteItemsOf(this.me(), functionId);
  }

  /** The session as the API reported it (GET /api/auth/session, or a sign-in). */
  setSession(me: MeView | null): void {
    this.session.set(me);
    this.known();
  }

  /** At start (provideAppInitializer, not awaited): who is signed in, if anyone. Never fails. */
  load(): Promise<MeView | null> {
    return firstValueFrom(
      this.fetchSession().pipe(
        timeout(START_TIMEOUT_MS),
        catchError(() => of(null)),
        tap((me) => this.setSession(me)),
      ),
    );
  }

  /** Resolves once it is known who is signed in (at once after the start-up answer): the guards wait for it. */
  whenKnown(): Promise<void> {
    return this.knownPromise;
  }

  /** POST /api/auth/login — 401 (wrong e-mail or password) and 429 (too many attempts) carry the sentence to show. */
  login(email: string, password: string): Observable<MeView> {
    return this.withXsrfCookie(() => this.http.post<MeView>(`${AUTH}/login`, { email, password } satisfies LoginDto)).pipe(
      catchApiError(),
      tap((me) => {
        this.session.set(me);
        this.notice.set(null);
      }),
    );
  }

  /** POST /api/auth/logout — the session ends here whatever the server answers. */
  logout(): Observable<void> {
    return this.http.post<void>(`${AUTH}/logout`, null).pipe(
      catchError(() => of(undefined)),
      map(() => undefined),
      tap(() => this.session.set(null)),
    );
  }

  /** The session ended on the server (a 401 from the API): forget it, and say so on the sign-in page. */
  expire(): boolean {
    const wasSignedIn = this.session() !== null;
    this.session.set(null);
    if (wasSignedIn) this.notice.set(SESSION_EXPIRED);
    return wasSignedIn;
  }

  /** Leaves a message for the sign-in page. */
  leaveNotice(notice: SignInNotice): void {
    this.notice.set(notice);
  }

  /** The message left for the sign-in page, once. */
  takeNotice(): SignInNotice | null {
    const notice = this.notice();
    this.notice.set(null);
    return notice;
  }

  /** POST /api/auth/password — the signed-in person changes their password. */
  changePassword(currentPassword: string, password: string): Observable<void> {
    return this.http.post<void>(`${AUTH}/password`, { currentPassword, password } satisfies ChangePasswordDto).pipe(catchApiError());
  }

  /** PUT /api/auth/preferences — how often reminders come by e-mail; the session then carries the new choice. */
  savePreferences(digest: DigestFrequency): Observable<MeView> {
    return this.http.put<MeView>(`${AUTH}/preferences`, { digest } satisfies PreferencesDto).pipe(
      catchApiError(),
      tap((me) => this.session.set(me)),
    );
  }

  /** POST /api/auth/password-reset/request — 202 whether the account exists or not. */
  requestPasswordReset(email: string): Observable<void> {
    return this.withXsrfCookie(() =>
      this.http.post<void>(`${AUTH}/password-reset/request`, { email } satisfies RequestPasswordResetDto),
    ).pipe(catchApiError());
  }

  /** POST /api/auth/password-reset — 410 or 404 when the link no longer works. */
  resetPassword(token: string, password: string): Observable<void> {
    return this.withXsrfCookie(() => this.http.post<void>(`${AUTH}/password-reset`, { token, password } satisfies ResetPasswordDto)).pipe(
      catchApiError(),
    );
  }

  /** POST /api/auth/invitation — accepting an invitation sets the password. */
  acceptInvitation(token: string, password: string): Observable<void> {
    return this.withXsrfCookie(() => this.http.post<void>(`${AUTH}/invitation`, { token, password } satisfies AcceptInvitationDto)).pipe(
      catchApiError(),
    );
  }

  /** GET /api/auth/session: the account, or null when nobody is signed in (also sets the XSRF-TOKEN cookie). */
  private fetchSession(): Observable<MeView | null> {
    return this.http.get<SessionView>(`${AUTH}/session`).pipe(map((s) => s.account));
  }

  /** Sends a request once the XSRF-TOKEN cookie is there (asked with GET /api/auth/session when it is not). */
  private withXsrfCookie<T>(send: () => Observable<T>): Observable<T> {
    if (this.xsrf.getToken() !== null) return send();
    return this.fetchSession().pipe(
      catchError(() => of(null)),
      switchMap(() => send()),
    );
  }
}
