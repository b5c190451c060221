import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { aChronogram, anAction, aMilestone } from '../testing/factories';
import { ApiRequestError } from './api-error';
import { ChronogramService } from './chronogram.service';
import { ItemsService } from './items.service';

describe('ItemsService and ChronogramService', () => {
  let items: ItemsService;
  let chronograms: ChronogramService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    items = TestBed.inject(ItemsService);
    chronograms = TestBed.inject(ChronogramService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads the chronogram of a roadmap, or of one function', async () => {
    const all = firstValueFrom(chronograms.get('rm-1'));
    http.expectOne('/api/roadmaps/rm-1/chronogram').flush(aChronogram());
    expect((await all).actions.length).toBe(1);

    const one = firstValueFrom(chronograms.get('rm-1', 'fn-2'));
    http.expectOne('/api/roadmaps/rm-1/chronogram?functionId=fn-2').flush(aChronogram());
    await one;
    expect(chronograms.exportUrl('rm-1', 'xlsx')).toBe('/api/roadmaps/rm-1/export?format=xlsx');
  });

  it('reads actions and milestones and their history', async () => {
    const action = firstValueFrom(items.action('act-1'));
    http.expectOne({ method: 'GET', url: '/api/actions/act-1' }).flush(anAction());
    expect((await action).title).toBe('Installer le comité d’éthique');

    const history = firstValueFrom(items.milestoneHistory('ms-1'));
    http.expectOne('/api/milestones/ms-1/history').flush([]);
    expect(await history).toEqual([]);
  });

  it('re-plans, updates the status and marks milestones with the version read', async () => {
    const replan = firstValueFrom(
      items.updateAction('act-1', {
        version: 3,
        start: '2024-04-20',
        due: '2024-05-20',
      }),
    );
    const patch = http.expectOne({
      method: 'PATCH',
      url: '/api/actions/act-1',
    });
    expect(patch.request.body).toEqual({
      version: 3,
      start: '2024-04-20',
      due: '2024-05-20',
    });
    patch.flush(anAction({ version: 4 }));
    expect((await replan).version).toBe(4);

    const status = firstValueFrom(
      items.updateActionStatus('act-1', {
        version: 4,
        status: 'en_cours',
        progress: 60,
      }),
    );
    http.expectOne({ method: 'PUT', url: '/api/actions/act-1/status' }).flush(anAction({ version: 5 }));
    await status;

    const ms = firstValueFrom(items.updateMilestone('ms-1', { version: 2, achievedOn: null }));
    const req = http.expectOne({
      method: 'PATCH',
      url: '/api/milestones/ms-1',
    });
    expect(req.request.body).toEqual({ version: 2, achievedOn: null });
    req.flush(aMilestone());
    await ms;
  });

  it('fails with the API’s message and body (409 carries the current version)', async () => {
    const status = firstValueFrom(
      items.updateActionStatus('act-1', {
        version: 3,
        status: 'en_cours',
        progress: 60,
      }),
    );
    http.expectOne('/api/actions/act-1/status').flush(
      {
        statusCode: 409,
        error: 'version_conflict',
        message: 'Cette action a été modifiée entre-temps.',
        currentVersion: 4,
      },
      { status: 409, statusText: 'Conflict' },
    );
    const error = (await status.catch((e: unknown) => e)) as ApiRequestError;
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error.status).toBe(409);
    expect(error.message).toBe('Cette action a été modifiée entre-temps.');
    expect(error.body?.currentVersion).toBe(4);
  });
});
