import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { aRoadmap } from '../testing/factories';
import { ApiRequestError } from './api-error';
import { RoadmapsService } from './roadmaps.service';

describe('RoadmapsService', () => {
  let service: RoadmapsService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    service = TestBed.inject(RoadmapsService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads a roadmap and its functions under /api, the id escaped', async () => {
    const roadmap = firstValueFrom(service.get('a/b'));
    http.expectOne({ method: 'GET', url: '/api/roadmaps/a%2Fb' }).flush(aRoadmap());
    expect((await roadmap).territory).toBe('Ville et Métropole de Brest');

    const functions = firstValueFrom(service.functions('rm-1'));
    http.expectOne('/api/roadmaps/rm-1/functions').flush([]);
    expect(await functions).toEqual([]);
  });

  it('asks for filtered actions and milestones, and the latest changes, in the query string', async () => {
    const actions = firstValueFrom(
      service.actions('rm-1', {
        status: ['a_lancer', 'bloquee'],
        dueBefore: '2024-04-30',
      }),
    );
    http.expectOne('/api/roadmaps/rm-1/actions?status=a_lancer,bloquee&dueBefore=2024-04-30').flush([]);
    expect(await actions).toEqual([]);

    const milestones = firstValueFrom(
      service.milestones('rm-1', {
        achieved: false,
        dueAfter: '2024-05-01',
        dueBefore: '2024-07-30',
      }),
    );
    http.expectOne('/api/roadmaps/rm-1/milestones?achieved=false&dueAfter=2024-05-01&dueBefore=2024-07-30').flush([]);
    expect(await milestones).toEqual([]);

    const changes = firstValueFrom(service.changes('rm-1'));
    http.expectOne('/api/roadmaps/rm-1/changes?limit=20').flush([]);
    expect(await changes).toEqual([]);
  });

  it('fails with the API’s French message', async () => {
    const list = firstValueFrom(service.list());
    http.expectOne('/api/roadmaps').flush(
      {
        statusCode: 400,
        error: 'validation_failed',
        message: 'Identifiant mal formé.',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await expect(list).rejects.toEqual(
      expect.objectContaining({
        message: 'Identifiant mal formé.',
        status: 400,
      }),
    );
  });

  it('fails with a French sentence when the answer is not the API’s (a proxy’s 502 page)', async () => {
    const list = firstValueFrom(service.list());
    http.expectOne('/api/roadmaps').flush('<html>Bad gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
    });
    const error = await list.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).message).toBe('le serveur a répondu par une erreur 502.');
  });
});
