import type { DiagnosticView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { provideHttpTesting, refusal } from '../testing/http';
import { DiagnosticService } from './diagnostic.service';

const view: DiagnosticView = {
  roadmapId: 'rm/1',
  on: '2026-01-01',
  thresholds: { matureFrom: 3, ambitiousFrom: 3 },
  actors: [],
  figures: [],
  firstAssessmentOn: null,
  lastAssessmentOn: null,
};

describe('DiagnosticService', () => {
  let service: DiagnosticService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideHttpTesting() });
    service = TestBed.inject(DiagnosticService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('asks for the day given, the id escaped', async () => {
    const answer = firstValueFrom(service.diagnostic('rm/1', '2026-01-01'));
    http.expectOne({ method: 'GET', url: '/api/roadmaps/rm%2F1/diagnostic?on=2026-01-01' }).flush(view);
    expect((await answer).on).toBe('2026-01-01');
  });

  it('leaves the day to the API (today, Paris) when none is given', async () => {
    const answer = firstValueFrom(service.diagnostic('rm-1'));
    http.expectOne({ method: 'GET', url: '/api/roadmaps/rm-1/diagnostic' }).flush(view);
    expect((await answer).roadmapId).toBe('rm/1');
  });

  it('fails with the API’s sentence', async () => {
    const answer = firstValueFrom(service.diagnostic('rm-1', '2026-13-01'));
    http
      .expectOne('/api/roadmaps/rm-1/diagnostic?on=2026-13-01')
      .flush(...refusal(400, 'bad_request', 'La date doit être au format AAAA-MM-JJ.'));
    await expect(answer).rejects.toEqual(expect.objectContaining({ status: 400, message: 'La date doit être au format AAAA-MM-JJ.' }));
  });
});
