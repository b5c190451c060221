import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { anActor, anActorDetail, anAssessment, aTargetActor } from '../actors/testing/factories';
import { provideHttpTesting, refusal, ruleBroken } from '../testing/http';
import { ActorsService } from './actors.service';

describe('ActorsService', () => {
  let service: ActorsService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideHttpTesting() });
    service = TestBed.inject(ActorsService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('lists, creates, reads, edits and deletes actors, ids escaped', async () => {
    const list = firstValueFrom(service.list('rm/1'));
    http.expectOne({ method: 'GET', url: '/api/roadmaps/rm%2F1/actors' }).flush([anActor()]);
    expect((await list).map((a) => a.name)).toEqual(['DSIT']);

    const created = firstValueFrom(service.create('rm-1', { name: 'SIG', kind: 'direction' }));
    const post = http.expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/actors' });
    expect(post.request.body).toEqual({ name: 'SIG', kind: 'direction' });
    post.flush(anActorDetail({ id: 'ac-2', name: 'SIG' }));
    expect((await created).id).toBe('ac-2');

    const read = firstValueFrom(service.get('ac-2'));
    http.expectOne({ method: 'GET', url: '/api/actors/ac-2' }).flush(anActorDetail({ id: 'ac-2' }));
    expect((await read).assessments).toHaveLength(1);

    const edited = firstValueFrom(service.update('ac-2', { version: 3, referent: 'Anne Le Roux' }));
    const patch = http.expectOne({ method: 'PATCH', url: '/api/actors/ac-2' });
    expect(patch.request.body).toEqual({ version: 3, referent: 'Anne Le Roux' });
    patch.flush(anActorDetail({ referent: 'Anne Le Roux', version: 4 }));
    expect((await edited).version).toBe(4);

    const removed = firstValueFrom(service.remove('ac-2'), { defaultValue: undefined });
    http.expectOne({ method: 'DELETE', url: '/api/actors/ac-2' }).flush(null, { status: 204, statusText: 'No Content' });
    await removed;
  });

  it('adds and deletes assessments', async () => {
    const dto = { on: '2026-10-01', maturity: 2, ambition: 4, assessedBy: 'Équipe INET' };
    const added = firstValueFrom(service.addAssessment('ac-1', dto));
    const post = http.expectOne({ method: 'POST', url: '/api/actors/ac-1/assessments' });
    expect(post.request.body).toEqual(dto);
    post.flush(anAssessment({ id: 'as-9', on: '2026-10-01' }));
    expect((await added).id).toBe('as-9');

    const removed = firstValueFrom(service.removeAssessment('as-9'), { defaultValue: undefined });
    http.expectOne({ method: 'DELETE', url: '/api/assessments/as-9' }).flush(null, { status: 204, statusText: 'No Content' });
    await removed;
  });

  it('sets and clears a figure’s target', async () => {
    const set = firstValueFrom(service.setFigureTarget('rm-1', 'referents', { value: 100, on: '2028-06-30' }));
    const put = http.expectOne({ method: 'PUT', url: '/api/roadmaps/rm-1/diagnostic/targets/referents' });
    expect(put.request.body).toEqual({ value: 100, on: '2028-06-30' });
    put.flush({ code: 'referents', target: { value: 100, on: '2028-06-30' } });
    expect((await set).target).toEqual({ value: 100, on: '2028-06-30' });

    const cleared = firstValueFrom(service.clearFigureTarget('rm-1', 'referents'), { defaultValue: undefined });
    http.expectOne({ method: 'DELETE', url: '/api/roadmaps/rm-1/diagnostic/targets/referents' }).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await cleared;
  });

  it('reads and replaces the actors an action targets, failing with the API’s field errors', async () => {
    const read = firstValueFrom(service.actionTargets('act-1'));
    http.expectOne({ method: 'GET', url: '/api/actions/act-1/actors' }).flush([aTargetActor()]);
    expect((await read).map((a) => a.name)).toEqual(['DSIT']);

    const saved = firstValueFrom(service.setActionTargets('act-1', { actorIds: ['ac-9'] }));
    const put = http.expectOne({ method: 'PUT', url: '/api/actions/act-1/actors' });
    expect(put.request.body).toEqual({ actorIds: ['ac-9'] });
    put.flush(...ruleBroken('actorIds', 'Ces acteurs ne sont pas de la feuille de route de l’action : ac-9.'));
    await expect(saved).rejects.toEqual(
      expect.objectContaining({ status: 422, body: expect.objectContaining({ errors: [expect.objectContaining({ field: 'actorIds' })] }) }),
    );
  });

  it('says a refusal in the API’s words', async () => {
    const created = firstValueFrom(service.create('rm-1', { name: 'DSIT', kind: 'direction' }));
    http
      .expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/actors' })
      .flush(...refusal(409, 'conflict', 'Un acteur porte déjà ce nom dans cette feuille de route.'));
    await expect(created).rejects.toEqual(
      expect.objectContaining({ status: 409, message: 'Un acteur porte déjà ce nom dans cette feuille de route.' }),
    );
  });
});
