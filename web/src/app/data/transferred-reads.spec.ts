import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, PLATFORM_ID, TransferState, makeStateKey } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { EtagCache, etagInterceptor } from './etag.interceptor';
import { transferredReadsInterceptor } from './transferred-reads';

const ROADMAPS = '/api/roadmaps';
const held = (url: string) => makeStateKey<{ text: string; etag: string | null }>(`api:${url}`);

/** The app's own chain: the ETag interceptor asks the API's JSON as text, then the page's reads are looked up. */
function setUp(platform: 'server' | 'browser', state: Record<string, { text: string; etag: string | null }> = {}) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([etagInterceptor, transferredReadsInterceptor])),
      provideHttpClientTesting(),
      { provide: PLATFORM_ID, useValue: platform },
    ],
  });
  const transfer = TestBed.inject(TransferState);
  for (const [url, read] of Object.entries(state)) transfer.set(held(url), read);
  return { http: TestBed.inject(HttpClient), backend: TestBed.inject(HttpTestingController), transfer };
}

describe('transferredReadsInterceptor', () => {
  it('on the server, keeps each read’s 200 in the page, with its ETag and its query', async () => {
    const { http, backend, transfer } = setUp('server');
    const roadmaps = firstValueFrom(http.get(ROADMAPS));
    backend.expectOne(ROADMAPS).flush('[{"slug":"brest"}]', { headers: { ETag: '"v1"' } });
    expect(await roadmaps).toEqual([{ slug: 'brest' }]);
    const late = firstValueFrom(http.get(`${ROADMAPS}/1/actions`, { params: { status: 'en_cours' } }));
    backend.expectOne(`${ROADMAPS}/1/actions?status=en_cours`).flush('[]');
    await late;
    expect(transfer.get(held(ROADMAPS), null)).toEqual({ text: '[{"slug":"brest"}]', etag: '"v1"' });
    expect(transfer.get(held(`${ROADMAPS}/1/actions?status=en_cours`), null)).toEqual({ text: '[]', etag: null });
    backend.verify();
  });

  it('on the server, keeps no error and nothing outside the API', async () => {
    const { http, backend, transfer } = setUp('server');
    const failed = firstValueFrom(http.get(`${ROADMAPS}/x`)).catch((err: { status: number }) => err.status);
    backend.expectOne(`${ROADMAPS}/x`).flush('{"error":"not_found"}', { status: 404, statusText: 'Not Found' });
    expect(await failed).toBe(404);
    const file = firstValueFrom(http.get('/i18n/en.json'));
    backend.expectOne('/i18n/en.json').flush({});
    await file;
    expect(transfer.isEmpty).toBe(true);
  });

  it('in the browser, answers a read the page holds once, without asking the API, and remembers its ETag', async () => {
    const { http, backend } = setUp('browser', { [ROADMAPS]: { text: '[{"slug":"brest"}]', etag: '"v1"' } });
    expect(await firstValueFrom(http.get(ROADMAPS))).toEqual([{ slug: 'brest' }]);
    backend.verify();
    // the ETag interceptor took it as an answer of the API: the next read is revalidated
    expect(TestBed.inject(EtagCache).get(ROADMAPS)?.etag).toBe('"v1"');
    const again = firstValueFrom(http.get(ROADMAPS));
    const req = backend.expectOne(ROADMAPS);
    expect(req.request.headers.get('If-None-Match')).toBe('"v1"');
    req.flush('[{"slug":"brest"},{"slug":"nantes"}]', { headers: { ETag: '"v2"' } });
    expect(await again).toEqual([{ slug: 'brest' }, { slug: 'nantes' }]);
    backend.verify();
  });

  it('in the browser, asks the API once the app is stable, and for any read the page does not hold', async () => {
    const { http, backend } = setUp('browser', { [ROADMAPS]: { text: '[]', etag: null } });
    const other = firstValueFrom(http.get(`${ROADMAPS}/1`));
    backend.expectOne(`${ROADMAPS}/1`).flush('{}');
    await other;
    await TestBed.inject(ApplicationRef).whenStable();
    const late = firstValueFrom(http.get(ROADMAPS));
    backend.expectOne(ROADMAPS).flush('[{"slug":"rennes"}]');
    expect(await late).toEqual([{ slug: 'rennes' }]);
    backend.verify();
  });
});
