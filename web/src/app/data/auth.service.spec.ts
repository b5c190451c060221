import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { aMe, provideXsrfCookie } from '../testing/session';
import { ApiRequestError } from './api-error';
import { AuthService, SESSION_EXPIRED } from './auth.service';

const UNAUTHENTICATED = {
  statusCode: 401,
  error: 'unauthenticated',
  message: 'Connectez-vous.',
};

describe('AuthService', () => {
  let auth: AuthService;
  let http: HttpTestingController;

  function setUp(xsrfToken: string | null = 'xsrf-test'): void {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideXsrfCookie(xsrfToken)],
    });
    auth = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
  }

  afterEach(() => http.verify());

  it('knows at start who is signed in, from GET /api/auth/session, and says when it knows', async () => {
    setUp();
    let known = false;
    void auth.whenKnown().then(() => (known = true));
    const loaded = auth.load();
    await Promise.resolve();
    expect(known).toBe(false); // the guards wait until the answer is in
    http.expectOne({ method: 'GET', url: '/api/auth/session' }).flush({ account: aMe() });
    expect(await loaded).toEqual(aMe());
    await auth.whenKnown();
    expect(known).toBe(true);
    expect(auth.me()?.name).toBe('Camille Le Goff');
    expect(auth.signedIn()).toBe(true);
  });

  it('starts signed out when nobody is signed in (a 200, no failed request), and also when the API cannot be reached', async () => {
    setUp();
    const anonymous = auth.load();
    http.expectOne('/api/auth/session').flush({ account: null });
    expect(await anonymous).toBeNull();
    expect(auth.signedIn()).toBe(false);

    const down = auth.load();
    http.expectOne('/api/auth/session').error(new ProgressEvent('error'), { status: 0 });
    expect(await down).toBeNull();
    await auth.whenKnown();
  });

  it('signs in with the e-mail and password, and keeps the account', async () => {
    setUp();
    const signedIn = firstValueFrom(auth.login('camille@example.test', 'une phrase de passe'));
    const req = http.expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(req.request.body).toEqual({
      email: 'camille@example.test',
      password: 'une phrase de passe',
    });
    req.flush(aMe({ role: 'owner', functionIds: ['fn-ethique'] }));
    await signedIn;
    expect(auth.me()?.role).toBe('owner');
  });

  it('asks for the XSRF cookie first when the browser has none (the API refuses a change without it)', async () => {
    setUp(null);
    const signedIn = firstValueFrom(auth.login('camille@example.test', 'x'));
    http.expectOne({ method: 'GET', url: '/api/auth/session' }).flush({ account: null });
    http.expectOne({ method: 'POST', url: '/api/auth/login' }).flush(aMe());
    await signedIn;
    expect(auth.signedIn()).toBe(true);
  });

  it('fails a refused sign-in with the API’s sentence, and stays signed out', async () => {
    setUp();
    const refused = firstValueFrom(auth.login('camille@example.test', 'x'));
    http.expectOne('/api/auth/login').flush(
      {
        statusCode: 401,
        error: 'invalid_credentials',
        message: 'Adresse électronique ou mot de passe incorrect.',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    const error = (await refused.catch((e: unknown) => e)) as ApiRequestError;
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error.message).toBe('Adresse électronique ou mot de passe incorrect.');
    expect(auth.me()).toBeNull();
  });

  it('signs out, even when the server no longer knows the session', async () => {
    setUp();
    auth.setSession(aMe());
    const out = firstValueFrom(auth.logout());
    http.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(UNAUTHENTICATED, { status: 401, statusText: 'Unauthorized' });
    await out;
    expect(auth.me()).toBeNull();
  });

  it('on an expired session, forgets it and leaves the message for the sign-in page, once', () => {
    setUp();
    auth.setSession(aMe());
    expect(auth.expire()).toBe(true);
    expect(auth.me()).toBeNull();
    // the other calls of the page that fail at the same time change nothing
    expect(auth.expire()).toBe(false);
    expect(auth.takeNotice()).toEqual(SESSION_EXPIRED);
    expect(auth.takeNotice()).toBeNull();
  });

  it('says what the person may do, by role, as the domain’s rules say', () => {
    setUp();
    expect(auth.canWriteItemsOf('fn-ethique')).toBe(false);

    auth.setSession(aMe({ role: 'lead' }));
    expect(auth.canWriteItemsOf('fn-ethique')).toBe(true);
    expect(auth.canManageRoadmap()).toBe(true);
    expect(auth.canManageAccounts()).toBe(false);

    auth.setSession(aMe({ role: 'owner', functionIds: ['fn-ethique'] }));
    expect(auth.canWriteItemsOf('fn-ethique')).toBe(true);
    expect(auth.canWriteItemsOf('fn-socle')).toBe(false);
    expect(auth.canWriteSomeItems()).toBe(true);
    expect(auth.canManageRoadmap()).toBe(false);

    auth.setSession(aMe({ role: 'admin' }));
    expect(auth.canManageAccounts()).toBe(true);
    expect(auth.canWriteSomeItems()).toBe(false);

    auth.setSession(aMe({ role: 'elected' }));
    expect(auth.canWriteSomeItems()).toBe(false);
    expect(auth.canWriteItemsOf('fn-ethique')).toBe(false);
  });

  it('sends the password forms of the signed-out pages', async () => {
    setUp();
    const requested = firstValueFrom(auth.requestPasswordReset('camille@example.test'));
    const request = http.expectOne('/api/auth/password-reset/request');
    expect(request.request.body).toEqual({ email: 'camille@example.test' });
    request.flush(null, { status: 202, statusText: 'Accepted' });
    await requested;

    const reset = firstValueFrom(auth.resetPassword('t'.repeat(32), 'une phrase de passe'));
    const resetReq = http.expectOne('/api/auth/password-reset');
    expect(resetReq.request.body).toEqual({
      token: 't'.repeat(32),
      password: 'une phrase de passe',
    });
    resetReq.flush(null, { status: 204, statusText: 'No Content' });
    await reset;

    const accepted = firstValueFrom(auth.acceptInvitation('i'.repeat(32), 'une phrase de passe'));
    http.expectOne({ method: 'POST', url: '/api/auth/invitation' }).flush(null, { status: 204, statusText: 'No Content' });
    await accepted;

    const changed = firstValueFrom(auth.changePassword('ancien mot de passe', 'une phrase de passe'));
    const change = http.expectOne('/api/auth/password');
    expect(change.request.body).toEqual({
      currentPassword: 'ancien mot de passe',
      password: 'une phrase de passe',
    });
    change.flush(null, { status: 204, statusText: 'No Content' });
    await changed;
  });
});
