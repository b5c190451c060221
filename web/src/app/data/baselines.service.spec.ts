import type { BaselineSlipsView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { aBaseline } from '../baselines/testing/baselines';
import { provideHttpTesting, refusal, ruleBroken } from '../testing/http';
import { BaselinesService } from './baselines.service';

describe('BaselinesService', () => {
  let service: BaselinesService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideHttpTesting() });
    service = TestBed.inject(BaselinesService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('lists a roadmap’s baselines, its id escaped', async () => {
    const list = firstValueFrom(service.list('rm/1'));
    http.expectOne({ method: 'GET', url: '/api/roadmaps/rm%2F1/baselines' }).flush([aBaseline()]);
    expect((await list).map((b) => b.label)).toEqual(['v1 — plan voté']);
  });

  it('freezes the plan with a label and a decision, and fails with the API’s field errors', async () => {
    const made = firstValueFrom(service.freeze('rm-1', { label: 'v2', decision: 'CM du 12/12/2026' }));
    const req = http.expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/baselines' });
    expect(req.request.body).toEqual({ label: 'v2', decision: 'CM du 12/12/2026' });
    req.flush(aBaseline({ id: 'bl-2', number: 2, label: 'v2' }));
    expect((await made).number).toBe(2);

    const refused = firstValueFrom(service.freeze('rm-1', { label: '' }));
    http.expectOne('/api/roadmaps/rm-1/baselines').flush(...ruleBroken('label', 'label doit compter de 1 à 150 caractères.'));
    await expect(refused).rejects.toEqual(
      expect.objectContaining({ status: 422, body: expect.objectContaining({ errors: [expect.objectContaining({ field: 'label' })] }) }),
    );
  });

  it('reads the slips against a baseline', async () => {
    const view: BaselineSlipsView = { baseline: aBaseline(), items: [], functions: [], phases: [] };
    const slips = firstValueFrom(service.slips('bl-1'));
    http.expectOne({ method: 'GET', url: '/api/baselines/bl-1/slips' }).flush(view);
    expect((await slips).baseline.id).toBe('bl-1');
  });

  it('deletes the latest baseline; a refusal carries the API’s message', async () => {
    const gone = firstValueFrom(service.remove('bl-2'));
    http.expectOne({ method: 'DELETE', url: '/api/baselines/bl-2' }).flush(null, { status: 204, statusText: 'No Content' });
    await expect(gone).resolves.toBeNull();

    const refused = firstValueFrom(service.remove('bl-1'));
    http
      .expectOne({ method: 'DELETE', url: '/api/baselines/bl-1' })
      .flush(...refusal(422, 'rule_broken', 'Seule la dernière référence peut être supprimée.'));
    await expect(refused).rejects.toEqual(
      expect.objectContaining({ status: 422, message: 'Seule la dernière référence peut être supprimée.' }),
    );
  });
});
