import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { ETAG_CACHE_SIZE, EtagCache, etagInterceptor } from './etag.interceptor';

const NOT_MODIFIED = { status: 304, statusText: 'Not Modified' };

describe('etagInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([etagInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
  });
  afterEach(() => http.verify());

  /** Reads `url`, answering with `answer`; returns the request as sent and what the caller got. */
  async function read<T>(
    url: string,
    answer: (req: ReturnType<HttpTestingController['expectOne']>) => void,
  ): Promise<{ sent: string | null; body: T }> {
    const result = firstValueFrom(client.get<T>(url));
    const req = http.expectOne(url);
    const sent = req.request.headers.get('If-None-Match');
    answer(req);
    return { sent, body: await result };
  }

  const withEtag = (body: unknown, etag: string) => (req: ReturnType<HttpTestingController['expectOne']>) =>
    req.flush(JSON.stringify(body), { headers: { ETag: etag } });

  it('sends the ETag it has and gives the remembered body back on a 304', async () => {
    const roadmap = { id: 'r1', territory: 'Brest', phases: [{ id: 'p1' }] };
    const first = await read<typeof roadmap>('/api/roadmaps/r1', withEtag(roadmap, '"v1"'));
    expect(first.sent).toBeNull();
    expect(first.body).toEqual(roadmap);

    const second = await read<typeof roadmap>('/api/roadmaps/r1', (req) => req.flush(null, NOT_MODIFIED));
    expect(second.sent).toBe('"v1"');
    expect(second.body).toEqual(roadmap);
    // each reader has its own copy: changing one changes nothing remembered
    second.body.phases.pop();
    const third = await read<typeof roadmap>('/api/roadmaps/r1', (req) => req.flush(null, NOT_MODIFIED));
    expect(third.body.phases).toEqual([{ id: 'p1' }]);
  });

  it('keeps the latest answer by address (a write gives a new ETag) and nothing without an ETag', async () => {
    await read('/api/actions/a1', withEtag({ title: 'Avant' }, '"v1"'));
    const changed = await read<{ title: string }>('/api/actions/a1', withEtag({ title: 'Après' }, '"v2"'));
    expect(changed.sent).toBe('"v1"');
    expect(changed.body.title).toBe('Après');
    expect((await read('/api/actions/a1', (req) => req.flush(null, NOT_MODIFIED))).sent).toBe('"v2"');

    await read('/api/persons', (req) => req.flush('[]'));
    expect((await read('/api/persons', (req) => req.flush('[]'))).sent).toBeNull();
  });

  it('forgets everything at sign-out, at sign-in and when the session ends', async () => {
    await read('/api/roadmaps/r1', withEtag({ id: 'r1' }, '"v1"'));
    const logout = firstValueFrom(client.post('/api/auth/logout', null));
    http.expectOne('/api/auth/logout').flush(null);
    await logout;
    expect(TestBed.inject(EtagCache).size).toBe(0);
    expect((await read('/api/roadmaps/r1', withEtag({ id: 'r1' }, '"v1"'))).sent).toBeNull();

    const ended = firstValueFrom(client.get('/api/persons'));
    http
      .expectOne('/api/persons')
      .flush(JSON.stringify({ statusCode: 401, error: 'unauthenticated' }), { status: 401, statusText: 'Unauthorized' });
    await expect(ended).rejects.toBeInstanceOf(HttpErrorResponse);
    expect((await read('/api/roadmaps/r1', withEtag({ id: 'r1' }, '"v1"'))).sent).toBeNull();
  });

  it('gives errors with their body parsed, as HttpClient does (the one error shape)', async () => {
    const failed = firstValueFrom(client.get('/api/actions/nope'));
    http
      .expectOne('/api/actions/nope')
      .flush(JSON.stringify({ statusCode: 404, error: 'not_found', message: 'Introuvable.' }), { status: 404, statusText: 'Not Found' });
    const err = (await failed.catch((e: unknown) => e)) as HttpErrorResponse;
    expect(err.status).toBe(404);
    expect(err.error).toEqual({ statusCode: 404, error: 'not_found', message: 'Introuvable.' });
  });

  it('remembers at most ETAG_CACHE_SIZE answers, the least recently used leaving first', async () => {
    for (let i = 0; i <= ETAG_CACHE_SIZE; i++) await read(`/api/actions/a${i}`, withEtag({ i }, `"v${i}"`));
    expect(TestBed.inject(EtagCache).size).toBe(ETAG_CACHE_SIZE);
    expect((await read('/api/actions/a0', withEtag({ i: 0 }, '"v0"'))).sent).toBeNull();
    expect((await read(`/api/actions/a${ETAG_CACHE_SIZE}`, (req) => req.flush(null, NOT_MODIFIED))).sent).toBe(`"v${ETAG_CACHE_SIZE}"`);
  });

  it('leaves other addresses and other answers as they are', async () => {
    const asset = firstValueFrom(client.get('/assets/i18n.json'));
    const req = http.expectOne('/assets/i18n.json');
    expect(req.request.responseType).toBe('json');
    req.flush({ a: 1 }, { headers: { ETag: '"x"' } });
    expect(await asset).toEqual({ a: 1 });
    const blob = firstValueFrom(client.get('/api/roadmaps/r1/report', { responseType: 'blob' }));
    const pdf = http.expectOne('/api/roadmaps/r1/report');
    expect(pdf.request.headers.has('If-None-Match')).toBe(false);
    pdf.flush(new Blob(['%PDF']));
    await blob;
  });
});
