import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { SERVER_READ_HEADERS, serverReadInterceptor } from './server-read.interceptor';

function setUp(headers?: Record<string, string>): { http: HttpClient; backend: HttpTestingController } {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([serverReadInterceptor])),
      provideHttpClientTesting(),
      ...(headers ? [{ provide: SERVER_READ_HEADERS, useValue: headers }] : []),
    ],
  });
  return { http: TestBed.inject(HttpClient), backend: TestBed.inject(HttpTestingController) };
}

describe('serverReadInterceptor', () => {
  it('names the reads of a page the server draws with the headers it is given', () => {
    const { http, backend } = setUp({ 'x-jalons-server-page': 'jeton' });
    http.get('/api/public/roadmaps/brest', { headers: { Accept: 'application/json' } }).subscribe();
    const req = backend.expectOne('/api/public/roadmaps/brest');
    expect(req.request.headers.get('x-jalons-server-page')).toBe('jeton');
    expect(req.request.headers.get('Accept')).toBe('application/json');
    req.flush({});
    backend.verify();
  });

  it('adds nothing in a browser', () => {
    const { http, backend } = setUp();
    http.get('/api/public/roadmaps/brest').subscribe();
    const req = backend.expectOne('/api/public/roadmaps/brest');
    expect(req.request.headers.keys()).toEqual([]);
    req.flush({});
    backend.verify();
  });
});
