import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { anSCurve } from '../progress/testing/fake-charts';
import { provideHttpTesting, refusal } from '../testing/http';
import { ProgressService } from './progress.service';

describe('ProgressService', () => {
  let service: ProgressService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideHttpTesting() });
    service = TestBed.inject(ProgressService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('asks for a phase’s curve against a baseline, ids escaped, nothing unset sent', async () => {
    const curve = firstValueFrom(service.sCurve('rm/1', { scope: 'phase', scopeId: 'ph-2', baseline: 'bl-1' }));
    http
      .expectOne({ method: 'GET', url: '/api/roadmaps/rm%2F1/s-curve?scope=phase&scopeId=ph-2&baseline=bl-1' })
      .flush(anSCurve({ scope: 'phase', scopeId: 'ph-2' }));
    expect((await curve).scopeId).toBe('ph-2');

    const roadmap = firstValueFrom(service.sCurve('rm-1'));
    http.expectOne('/api/roadmaps/rm-1/s-curve').flush(anSCurve());
    expect((await roadmap).points).toHaveLength(6);
  });

  it('fails with the API’s sentence', async () => {
    const curve = firstValueFrom(service.sCurve('rm-1', { scope: 'function' }));
    http
      .expectOne('/api/roadmaps/rm-1/s-curve?scope=function')
      .flush(...refusal(400, 'bad_request', 'scopeId est requis pour une phase ou une fonction.'));
    await expect(curve).rejects.toEqual(
      expect.objectContaining({ status: 400, message: 'scopeId est requis pour une phase ou une fonction.' }),
    );
  });

  it('lists the roadmap’s baselines', async () => {
    const list = firstValueFrom(service.baselines('rm-1'));
    http.expectOne({ method: 'GET', url: '/api/roadmaps/rm-1/baselines' }).flush([]);
    expect(await list).toEqual([]);
  });
});
