import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { aMeasurement, anIndicator } from '../indicators/testing/indicator-factories';
import { provideHttpTesting, refusal, ruleBroken } from '../testing/http';
import { ApiRequestError } from './api-error';
import { IndicatorsService } from './indicators.service';

describe('IndicatorsService', () => {
  let service: IndicatorsService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideHttpTesting() });
    service = TestBed.inject(IndicatorsService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('reads a roadmap’s indicators and a function’s, the ids escaped', async () => {
    const all = firstValueFrom(service.ofRoadmap('rm/1'));
    http.expectOne({ method: 'GET', url: '/api/roadmaps/rm%2F1/indicators' }).flush([anIndicator()]);
    expect((await all).map((i) => i.name)).toEqual(['Jeux de données ouverts']);

    const ofFunction = firstValueFrom(service.ofFunction('rm-1', 'fn/2'));
    http.expectOne({ method: 'GET', url: '/api/roadmaps/rm-1/functions/fn%2F2/indicators' }).flush([]);
    expect(await ofFunction).toEqual([]);
  });

  it('defines an indicator in a function, changes it with its version and deletes it', async () => {
    const dto = {
      name: 'Agents formés',
      unit: 'personnes',
      direction: 'up' as const,
      baselineOn: '2026-01-01',
      baselineValue: 0,
      targetOn: '2027-12-31',
      targetValue: 200,
    };
    const created = firstValueFrom(service.create('rm-1', 'fn-1', dto));
    const post = http.expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/functions/fn-1/indicators' });
    expect(post.request.body).toEqual(dto);
    post.flush(anIndicator({ id: 'ind-9', name: 'Agents formés' }));
    expect((await created).id).toBe('ind-9');

    const updated = firstValueFrom(service.update('ind-9', { version: 1, targetValue: 250 }));
    const patch = http.expectOne({ method: 'PATCH', url: '/api/indicators/ind-9' });
    expect(patch.request.body).toEqual({ version: 1, targetValue: 250 });
    patch.flush(anIndicator({ id: 'ind-9', version: 2 }));
    expect((await updated).version).toBe(2);

    const removed = firstValueFrom(service.remove('ind-9'));
    http.expectOne({ method: 'DELETE', url: '/api/indicators/ind-9' }).flush(null, { status: 204, statusText: 'No Content' });
    await expect(removed).resolves.toBeNull();
  });

  it('records a measurement (the indicator comes back updated) and deletes one', async () => {
    const recorded = firstValueFrom(service.record('ind-1', { on: '2024-03-01', value: 14, comment: null, sourceUrl: null }));
    const post = http.expectOne({ method: 'POST', url: '/api/indicators/ind-1/measurements' });
    expect(post.request.body).toEqual({ on: '2024-03-01', value: 14, comment: null, sourceUrl: null });
    post.flush(anIndicator({ measurements: [aMeasurement()] }));
    expect((await recorded).latest?.value).toBe(14);

    const removed = firstValueFrom(service.removeMeasurement('m/1'));
    http.expectOne({ method: 'DELETE', url: '/api/measurements/m%2F1' }).flush(null, { status: 204, statusText: 'No Content' });
    await expect(removed).resolves.toBeNull();
  });

  it('fails with the API’s sentence and its field errors', async () => {
    const recorded = firstValueFrom(service.record('ind-1', { on: '2020-01-01', value: 3 }));
    http.expectOne('/api/indicators/ind-1/measurements').flush(...ruleBroken('on', 'La mesure ne peut pas précéder le point de départ.'));
    const error = await recorded.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 422, body: { errors: [{ field: 'on' }] } });

    const updated = firstValueFrom(service.update('ind-1', { version: 1, name: 'x' }));
    http.expectOne('/api/indicators/ind-1').flush(...refusal(409, 'version_conflict', 'Version périmée.', { currentVersion: 2 }));
    await expect(updated).rejects.toMatchObject({ status: 409, message: 'Version périmée.' });
  });
});
