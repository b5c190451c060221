import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { firstValueFrom } from 'rxjs';

import { AuthService } from '../data/auth.service';
import { ItemsService } from '../data/items.service';
import { text } from '../testing/dom';
import { aMe, provideSession } from '../testing/session';
import { LoginPage } from './login-page';
import { sessionExpiryInterceptor } from './session.interceptor';

@Component({ template: '<h1>Chronogramme</h1>' })
class SomePage {}

const UNAUTHENTICATED = {
  statusCode: 401,
  error: 'unauthenticated',
  message: 'Connectez-vous.',
};
const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };

describe('sessionExpiryInterceptor', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let router: Router;
  let auth: AuthService;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([sessionExpiryInterceptor])),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'chronogramme', component: SomePage },
            { path: 'connexion', component: LoginPage },
          ],
          withComponentInputBinding(),
        ),
        provideSession(aMe()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    auth = TestBed.inject(AuthService);
    harness = await RouterTestingHarness.create('/chronogramme?roadmap=rm-1');
  });

  afterEach(() => http.verify());

  it('on a 401 from the API, ends the session and opens the sign-in page, which says why and where it will return', async () => {
    const request = firstValueFrom(TestBed.inject(ItemsService).action('act-1'));
    http.expectOne('/api/actions/act-1').flush(UNAUTHENTICATED, UNAUTHORIZED);
    // the caller still learns that its call failed
    await expect(request).rejects.toEqual(expect.objectContaining({ status: 401 }));
    await harness.fixture.whenStable();

    expect(auth.me()).toBeNull();
    expect(router.url).toBe('/connexion?retour=%2Fchronogramme%3Froadmap%3Drm-1');
    const page = harness.routeNativeElement as HTMLElement;
    expect(text(page.querySelector('h1'))).toBe('Connexion');
    expect(text(page.querySelector('[data-testid="notice"]'))).toBe('Votre session a expiré : reconnectez-vous.');
  });

  it('goes to the sign-in page once when several calls of a page fail together', async () => {
    const navigate = jest.spyOn(router, 'navigateByUrl');
    const client = TestBed.inject(HttpClient);
    client.get('/api/roadmaps/rm-1/actions').subscribe({ error: () => undefined });
    client.get('/api/roadmaps/rm-1/changes').subscribe({ error: () => undefined });
    for (const req of http.match((r) => r.url.startsWith('/api/roadmaps/'))) {
      req.flush(UNAUTHENTICATED, UNAUTHORIZED);
    }
    await harness.fixture.whenStable();
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('leaves the 401s of /api/auth alone: a wrong current password is not an expired session', async () => {
    const change = firstValueFrom(auth.changePassword('faux', 'une phrase de passe'));
    http.expectOne('/api/auth/password').flush(
      {
        statusCode: 401,
        error: 'invalid_credentials',
        message: 'Mot de passe actuel incorrect.',
        errors: [
          {
            field: 'currentPassword',
            message: 'Mot de passe actuel incorrect.',
          },
        ],
      },
      UNAUTHORIZED,
    );
    await expect(change).rejects.toEqual(expect.objectContaining({ status: 401 }));
    await harness.fixture.whenStable();
    expect(auth.signedIn()).toBe(true);
    expect(router.url).toBe('/chronogramme?roadmap=rm-1');
  });

  it('keeps the session on a 403: the role may not, the person is still signed in', async () => {
    const request = firstValueFrom(TestBed.inject(ItemsService).updateAction('act-1', { version: 3 }));
    http.expectOne('/api/actions/act-1').flush(
      {
        statusCode: 403,
        error: 'forbidden',
        message: 'Vous ne pouvez pas modifier cette action.',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await expect(request).rejects.toEqual(
      expect.objectContaining({
        status: 403,
        message: 'Vous ne pouvez pas modifier cette action.',
      }),
    );
    expect(auth.signedIn()).toBe(true);
    expect(router.url).toBe('/chronogramme?roadmap=rm-1');
  });
});
