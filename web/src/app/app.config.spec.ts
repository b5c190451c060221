import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { appConfig } from './app.config';
import { AuthService } from './data/auth.service';
import { aMe } from './testing/session';

describe('appConfig', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=jeton-du-serveur; path=/';
    TestBed.configureTestingModule({
      providers: [...appConfig.providers, provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('asks who is signed in at start without holding the first page back, then sends the XSRF cookie back in X-XSRF-TOKEN', async () => {
    // the start is done before the answer: a signed-out page is drawn at once, the guards wait for it
    await TestBed.inject(ApplicationInitStatus).donePromise;
    const auth = TestBed.inject(AuthService);
    expect(auth.me()).toBeNull();
    http.expectOne({ method: 'GET', url: '/api/auth/session' }).flush({ account: aMe() });
    await auth.whenKnown();
    expect(auth.me()?.name).toBe('Camille Le Goff');

    const out = firstValueFrom(auth.logout());
    const req = http.expectOne('/api/auth/logout');
    expect(req.request.headers.get('X-XSRF-TOKEN')).toBe('jeton-du-serveur');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await out;
  });
});
