import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { aFunction } from '../testing/factories';
import { provideHttpTesting, ruleBroken } from '../testing/http';
import { PlanningService } from './planning.service';

describe('PlanningService', () => {
  let service: PlanningService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideHttpTesting() });
    service = TestBed.inject(PlanningService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('patches a function with its version, ids escaped', async () => {
    const saved = firstValueFrom(service.updateFunction('rm/1', 'fn-1', { version: 3, color: '#112233' }));
    const req = http.expectOne({ method: 'PATCH', url: '/api/roadmaps/rm%2F1/functions/fn-1' });
    expect(req.request.body).toEqual({ version: 3, color: '#112233' });
    req.flush(aFunction({ color: '#112233' }));
    expect((await saved).color).toBe('#112233');
  });

  it('checks phases with dryRun=true and applies them with dryRun=false', async () => {
    const dto = { version: 2, phases: [] };
    const checked = firstValueFrom(service.phases('rm-1', dto, true));
    http
      .expectOne({ method: 'PUT', url: '/api/roadmaps/rm-1/phases?dryRun=true' })
      .flush({ applied: false, version: 2, phases: [], moves: [] });
    expect((await checked).applied).toBe(false);
    const applied = firstValueFrom(service.phases('rm-1', dto, false));
    http
      .expectOne({ method: 'PUT', url: '/api/roadmaps/rm-1/phases?dryRun=false' })
      .flush({ applied: true, version: 3, phases: [], moves: [] });
    expect((await applied).version).toBe(3);
  });

  it('carries over (dry run or not) and fails with the API’s field errors', async () => {
    const dto = { targetRoadmapId: 'rm-2', actionIds: ['a-1'], milestoneIds: [], close: false };
    const result = firstValueFrom(service.carryOver('rm-1', dto, false));
    const req = http.expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/carry-over?dryRun=false' });
    expect(req.request.body).toEqual(dto);
    req.flush(...ruleBroken('actionIds', 'Actions terminées ou abandonnées, à ne pas reprendre : « A ».'));
    await expect(result).rejects.toEqual(
      expect.objectContaining({
        status: 422,
        body: expect.objectContaining({ errors: [expect.objectContaining({ field: 'actionIds' })] }),
      }),
    );
  });
});
