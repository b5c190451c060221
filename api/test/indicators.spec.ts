import { randomUUID } from 'node:crypto';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IndicatorView } from '@jalons/contract';
import { addDays, expectedValue, indicatorHealth, todayInParis } from '@jalons/domain';

import { createTestApp } from './app';
import { BREST, ensureAccount, signInAs } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/**
 * Indicators per function over real HTTP and PostgreSQL: who writes them (the lead, the owner of
 * the function, nobody else), what is refused and how (400 and 422 per field, 404, 409), and the
 * health the view gives, which must be the domain's.
 */
describe('indicators', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let owner: TestAgent;
  let elected: TestAgent;
  let roadmapId: string;
  const fn: Record<string, string> = {};
  const today = todayInParis();

  const body = (over: Record<string, unknown> = {}) => ({
    name: 'Jeux de données ouverts',
    unit: 'jeux',
    direction: 'up',
    baselineOn: addDays(today, -100),
    baselineValue: 10,
    targetOn: addDays(today, 100),
    targetValue: 110,
    ...over,
  });
  const url = (code: string) => `/api/roadmaps/${roadmapId}/functions/${fn[code]}/indicators`;
  const create = async (agent: TestAgent, code: string, over: Record<string, unknown> = {}) =>
    (await agent.post(url(code)).send(body(over)).expect(201)).body as IndicatorView;
  /** The fields an error names, each once (one field may break several constraints). */
  const fields = (res: { body: { errors?: Array<{ field: string }> } }) => [...new Set((res.body.errors ?? []).map((e) => e.field))].sort();

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    for (const r of await db.query<{ id: string; code: string; roadmap_id: string }>('select id, code, roadmap_id from target_function')) {
      fn[r.code] = r.id;
      roadmapId = r.roadmap_id;
    }
    await ensureAccount(db, BREST.lead, 'lead', 'Camille Le Goff');
    await ensureAccount(db, BREST.owner, 'owner', 'Soizic Le Bihan'); // owns mediation, not juridique
    await ensureAccount(db, BREST.elected, 'elected');
    [lead, owner, elected] = await Promise.all([signInAs(app, BREST.lead), signInAs(app, BREST.owner), signInAs(app, BREST.elected)]);
    const [{ email }] = await db.query<{ email: string }>(
      'select a.email from target_function f join account a on a.id = f.owner_id where f.id = $1',
      [fn['mediation']],
    );
    expect(email).toBe(BREST.owner);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('lets the owner define their function’s indicator and record its measurements; the view says what the pages need', async () => {
    const created = await create(owner, 'mediation');
    expect(created).toMatchObject({
      functionId: fn['mediation'],
      functionName: 'Médiation',
      name: 'Jeux de données ouverts',
      unit: 'jeux',
      direction: 'up',
      baseline: { on: addDays(today, -100), value: 10 },
      target: { on: addDays(today, 100), value: 110 },
      measurements: [],
      latest: null,
      expected: 60,
      health: 'not-measured',
      version: 1,
    });
    const measured = await owner
      .post(`/api/indicators/${created.id}/measurements`)
      .send({ on: today, value: 58.5, comment: 'Portail open data', sourceUrl: 'https://data.brest-metropole.fr/' })
      .expect(201);
    const view = measured.body as IndicatorView;
    expect(view.latest).toMatchObject({
      on: today,
      value: 58.5,
      comment: 'Portail open data',
      sourceUrl: 'https://data.brest-metropole.fr/',
    });
    expect(view.latest?.recordedBy).toEqual({ id: expect.any(String), name: 'Soizic Le Bihan' }); // a name, no e-mail
    expect(view.health).toBe('on-track');
    expect(view.version).toBe(1); // a measurement does not change the indicator's definition

    const changed = await owner
      .patch(`/api/indicators/${created.id}`)
      .send({ version: 1, name: 'Jeux publiés', targetValue: 150 })
      .expect(200);
    expect(changed.body).toMatchObject({ name: 'Jeux publiés', target: { value: 150 }, version: 2 });
    await owner.delete(`/api/measurements/${view.latest!.id}`).expect(204);
    await owner.delete(`/api/indicators/${created.id}?version=2`).expect(204);
    await lead.get(`/api/roadmaps/${roadmapId}/indicators`).expect(200);
    expect(await db.query('select 1 from indicator where id = $1', [created.id])).toEqual([]);
  });

  it('refuses the owner every write on another function’s indicators (403), and lets the lead write them', async () => {
    await owner.post(url('juridique')).send(body()).expect(403);
    const theirs = await create(lead, 'juridique');
    await lead.post(`/api/indicators/${theirs.id}/measurements`).send({ on: today, value: 20 }).expect(201);
    const [{ id: measurementId }] = await db.query<{ id: string }>('select id from measurement where indicator_id = $1', [theirs.id]);
    await owner.patch(`/api/indicators/${theirs.id}`).send({ version: 1, name: 'Pris' }).expect(403);
    await owner.delete(`/api/indicators/${theirs.id}`).expect(403);
    await owner.post(`/api/indicators/${theirs.id}/measurements`).send({ on: today, value: 30 }).expect(403);
    await owner.delete(`/api/measurements/${measurementId}`).expect(403);
    // nothing moved
    const [row] = await db.query<{ name: string; version: number; n: string }>(
      'select i.name, i.version, (select count(*) from measurement m where m.indicator_id = i.id) n from indicator i where i.id = $1',
      [theirs.id],
    );
    expect(row).toEqual({ name: 'Jeux de données ouverts', version: 1, n: '1' });
    await lead.patch(`/api/indicators/${theirs.id}`).send({ version: 1, unit: '%' }).expect(200);
  });

  it('refuses the owner another function’s measurement however its address is spelt (a trailing slash, capitals)', async () => {
    const theirs = await create(lead, 'juridique', { name: 'Adresses épelées' });
    const measured = (await lead.post(`/api/indicators/${theirs.id}/measurements`).send({ on: today, value: 20 }).expect(201))
      .body as IndicatorView;
    const id = measured.latest!.id;
    // the router takes these as /api/measurements/:id; the policy must read the same function
    for (const path of [`/api/measurements/${id}/`, `/api/Measurements/${id}`, `/api/MEASUREMENTS/${id}/`]) {
      expect([path, (await owner.delete(path)).status]).toEqual([path, 403]);
    }
    await owner.patch(`/api/Indicators/${theirs.id}/`).send({ version: 1, name: 'Pris' }).expect(403);
    await owner
      .post(`/api/INDICATORS/${theirs.id}/Measurements/`)
      .send({ on: addDays(today, -1), value: 1 })
      .expect(403);
    const rows = await db.query<{ value: string }>('select value from measurement where indicator_id = $1', [theirs.id]);
    expect(rows).toEqual([{ value: '20.0000' }]);
  });

  it('lets an elected official read (200) and refuses every write (403)', async () => {
    const ind = await create(lead, 'mediation', { name: 'Ateliers tenus' });
    const measured = (await lead.post(`/api/indicators/${ind.id}/measurements`).send({ on: today, value: 12 }).expect(201))
      .body as IndicatorView;
    const listed = (await elected.get(`/api/roadmaps/${roadmapId}/indicators`).expect(200)).body as IndicatorView[];
    expect(listed.map((i) => i.id)).toContain(ind.id);
    const ofFunction = (await elected.get(url('mediation')).expect(200)).body as IndicatorView[];
    expect(ofFunction.find((i) => i.id === ind.id)?.latest?.recordedBy).toEqual({ id: expect.any(String), name: 'Camille Le Goff' });
    await elected.post(url('mediation')).send(body()).expect(403);
    await elected.patch(`/api/indicators/${ind.id}`).send({ version: 1, name: 'x' }).expect(403);
    await elected.delete(`/api/indicators/${ind.id}`).expect(403);
    await elected
      .post(`/api/indicators/${ind.id}/measurements`)
      .send({ on: addDays(today, -1), value: 1 })
      .expect(403);
    await elected.delete(`/api/measurements/${measured.latest!.id}`).expect(403);
  });

  it('answers 400 with a message per malformed field, before any rule', async () => {
    const res = await owner
      .post(url('mediation'))
      .send({
        name: '',
        unit: 'x'.repeat(31),
        direction: 'haut',
        baselineOn: '2026-02-30',
        baselineValue: 'dix',
        targetOn: '2026-13-01',
        targetValue: null,
        extra: 1,
      })
      .expect(400);
    expect(fields(res)).toEqual(['baselineOn', 'baselineValue', 'direction', 'extra', 'name', 'targetOn', 'targetValue', 'unit']);
    expect(res.body.errors.find((e: { field: string }) => e.field === 'direction').message).toBe(
      'direction doit valoir l’un de : up, down (à la hausse, à la baisse).',
    );
    // the line, when the body carries it whole
    const line = await owner
      .post(url('mediation'))
      .send(body({ targetValue: 5 }))
      .expect(400);
    expect(line.body.errors).toEqual([{ field: 'targetValue', message: expect.stringContaining('à la hausse') }]);
    expect(
      fields(
        await owner
          .post(url('mediation'))
          .send(body({ targetOn: addDays(today, -100) }))
          .expect(400),
      ),
    ).toEqual(['targetOn']);

    const ind = await create(owner, 'mediation', { name: 'Données publiées' });
    const m = (over: Record<string, unknown>) =>
      owner.post(`/api/indicators/${ind.id}/measurements`).send({ on: today, value: 3, ...over });
    expect(fields(await m({ on: addDays(today, 1) }).expect(400))).toEqual(['on']);
    expect(fields(await m({ sourceUrl: 'javascript:alert(1)' }).expect(400))).toEqual(['sourceUrl']);
    expect(fields(await m({ sourceUrl: `https://example.org/${'a'.repeat(490)}` }).expect(400))).toEqual(['sourceUrl']);
    expect(fields(await m({ value: 'trois' }).expect(400))).toEqual(['value']);
    expect(fields(await owner.patch(`/api/indicators/${ind.id}`).send({ name: 'sans version' }).expect(400))).toEqual(['version']);
    expect(fields(await owner.patch('/api/indicators/pas-un-id').send({ version: 1 }).expect(400))).toEqual(['id']);
    expect(fields(await owner.delete(`/api/indicators/${ind.id}?version=zéro`).expect(400))).toEqual(['version']);
  });

  it('answers 422 with the field when a change breaks the indicator’s rules against what is stored', async () => {
    const ind = await create(owner, 'mediation', { name: 'Référents formés' });
    const patch = (over: Record<string, unknown>) => owner.patch(`/api/indicators/${ind.id}`).send({ version: 1, ...over });
    expect((await patch({ targetValue: 10 }).expect(422)).body.errors).toEqual([
      { field: 'targetValue', message: 'La cible doit être différente de la valeur de départ.' },
    ]);
    expect(fields(await patch({ direction: 'down' }).expect(422))).toEqual(['targetValue']);
    expect(fields(await patch({ targetOn: addDays(today, -200) }).expect(422))).toEqual(['targetOn']);
    await owner
      .post(`/api/indicators/${ind.id}/measurements`)
      .send({ on: addDays(today, -50), value: 30 })
      .expect(201);
    const late = await patch({ baselineOn: addDays(today, -40) }).expect(422);
    expect(late.body.errors[0]).toMatchObject({ field: 'baselineOn' });
    const early = await owner
      .post(`/api/indicators/${ind.id}/measurements`)
      .send({ on: addDays(today, -101), value: 1 })
      .expect(422);
    expect(early.body.errors).toEqual([{ field: 'on', message: expect.stringContaining('précéder la date de la valeur de départ') }]);
    // a change that keeps the line consistent goes through
    await patch({ direction: 'down', targetValue: 0 }).expect(200);
  });

  it('keeps values to 4 decimals as the database does: a target equal to the baseline there is refused on its field (422, not 500)', async () => {
    const tiny = await owner
      .post(url('mediation'))
      .send(body({ baselineValue: 0.00001, targetValue: 0.00002 }))
      .expect(422);
    expect(tiny.body.errors).toEqual([{ field: 'targetValue', message: 'La cible doit être différente de la valeur de départ.' }]);
    const down = await owner
      .post(url('mediation'))
      .send(body({ direction: 'down', baselineValue: 5.00001, targetValue: 5 }))
      .expect(422);
    expect(fields(down)).toEqual(['targetValue']);
    // a difference that survives the rounding is kept, rounded
    const kept = await create(owner, 'mediation', { name: 'Décimales', baselineValue: 10.00004, targetValue: 10.00006 });
    expect([kept.baseline.value, kept.target.value]).toEqual([10, 10.0001]);
    const patch = (over: Record<string, unknown>) => owner.patch(`/api/indicators/${kept.id}`).send({ version: 1, ...over });
    expect(fields(await patch({ baselineValue: 10.00009 }).expect(422))).toEqual(['targetValue']);
    expect(fields(await patch({ targetValue: 9.99999 }).expect(422))).toEqual(['targetValue']);
    const [row] = await db.query('select baseline_value, target_value, version from indicator where id = $1', [kept.id]);
    expect(row).toEqual({ baseline_value: '10.0000', target_value: '10.0001', version: 1 });
  });

  it('answers 404 for an unknown roadmap, function, indicator or measurement', async () => {
    const nobody = randomUUID();
    await lead.get(`/api/roadmaps/${nobody}/indicators`).expect(404);
    await lead.get(`/api/roadmaps/${roadmapId}/functions/${nobody}/indicators`).expect(404);
    await lead.post(`/api/roadmaps/${roadmapId}/functions/${nobody}/indicators`).send(body()).expect(404);
    await lead.patch(`/api/indicators/${nobody}`).send({ version: 1 }).expect(404);
    await owner.patch(`/api/indicators/${nobody}`).send({ version: 1 }).expect(404);
    await owner.post(`/api/indicators/${nobody}/measurements`).send({ on: today, value: 1 }).expect(404);
    await owner.delete(`/api/measurements/${nobody}`).expect(404);
    await lead.delete(`/api/indicators/${nobody}`).expect(404);
  });

  it('answers 409 to a stale version and to a second measurement on one day, changing nothing', async () => {
    const ind = await create(owner, 'mediation', { name: 'Demandes traitées' });
    await owner.patch(`/api/indicators/${ind.id}`).send({ version: 1, unit: 'demandes' }).expect(200);
    const stale = await owner.patch(`/api/indicators/${ind.id}`).send({ version: 1, unit: 'dossiers' }).expect(409);
    expect(stale.body).toMatchObject({ currentVersion: 2, errors: [{ field: 'version' }] });
    await owner.delete(`/api/indicators/${ind.id}?version=1`).expect(409);
    await owner.post(`/api/indicators/${ind.id}/measurements`).send({ on: today, value: 20 }).expect(201);
    const twice = await owner.post(`/api/indicators/${ind.id}/measurements`).send({ on: today, value: 21 }).expect(409);
    expect(twice.body.errors).toEqual([{ field: 'on', message: 'Une mesure existe déjà ce jour-là.' }]);
    const view = (await owner.get(url('mediation')).expect(200)).body as IndicatorView[];
    expect(view.find((i) => i.id === ind.id)).toMatchObject({ unit: 'demandes', version: 2, measurements: [{ value: 20 }] });
  });

  it('gives the health and expected value the domain gives for a made-up series, stale with the roadmap’s rule', async () => {
    const ind = await create(owner, 'mediation', { name: 'Taux de réponse', baselineValue: 0, targetValue: 100 });
    const series = [
      { on: addDays(today, -80), value: 5 },
      { on: addDays(today, -50), value: 20 },
      { on: addDays(today, -10), value: 30 }, // expected share 0.45 on that day, achieved 0.30: at-risk
    ];
    let view: IndicatorView = ind;
    for (const m of series.reverse()) view = (await owner.post(`/api/indicators/${ind.id}/measurements`).send(m).expect(201)).body;
    const line = {
      direction: 'up' as const,
      baselineOn: addDays(today, -100),
      baselineValue: 0,
      targetOn: addDays(today, 100),
      targetValue: 100,
    };
    expect(view.measurements.map((m) => m.on)).toEqual([...series].reverse().map((m) => m.on)); // oldest first
    expect(view.latest?.value).toBe(30);
    expect(view.health).toBe(indicatorHealth(line, series, today, 90));
    expect(view.health).toBe('at-risk');
    expect(view.expected).toBe(50); // halfway in time from 0 to 100, counted by hand
    expect(view.expected).toBeCloseTo(expectedValue(line, today), 4);

    // the lead shortens the rule: 10 days without a measurement make it stale, in the view as in the domain
    const [summary] = (await lead.get('/api/roadmaps').expect(200)).body as Array<{
      version: number;
      reminderRules: Record<string, unknown>;
    }>;
    await lead
      .patch(`/api/roadmaps/${roadmapId}/settings`)
      .send({ version: summary.version, reminders: { ...summary.reminderRules, indicatorStaleDays: 10 } })
      .expect(200);
    const stale = ((await elected.get(url('mediation')).expect(200)).body as IndicatorView[]).find((i) => i.id === ind.id)!;
    expect(stale.health).toBe(indicatorHealth(line, series, today, 10));
    expect(stale.health).toBe('stale');

    const caughtUp = (await owner.post(`/api/indicators/${ind.id}/measurements`).send({ on: today, value: 52 }).expect(201)).body;
    expect(caughtUp.health).toBe('on-track');
  });

  it('lists a roadmap’s indicators in the functions’ order, then by name; a function’s alone', async () => {
    const mine = [
      await create(lead, 'mediation', { name: 'zz Dernier de la médiation' }),
      await create(lead, 'juridique', { name: 'ZZ juridique' }),
      await create(lead, 'mediation', { name: 'AA Premier de la médiation' }),
    ];
    const ids = new Set(mine.map((i) => i.id));
    const [{ j, m }] = await db.query<{ j: number; m: number }>(
      `select (select position from target_function where code = 'juridique') j, (select position from target_function where code = 'mediation') m`,
    );
    const all = ((await lead.get(`/api/roadmaps/${roadmapId}/indicators`).expect(200)).body as IndicatorView[]).filter((i) =>
      ids.has(i.id),
    );
    const byFunction =
      j < m
        ? ['ZZ juridique', 'AA Premier de la médiation', 'zz Dernier de la médiation']
        : ['AA Premier de la médiation', 'zz Dernier de la médiation', 'ZZ juridique'];
    expect(all.map((i) => i.name)).toEqual(byFunction);
    const ofJuridique = (await lead.get(url('juridique')).expect(200)).body as IndicatorView[];
    expect(ofJuridique.every((i) => i.functionId === fn['juridique'])).toBe(true);
    expect(ofJuridique.map((i) => i.name)).toContain('ZZ juridique');
  });

  it('deletes an indicator with its measurements (no version needed)', async () => {
    const ind = await create(lead, 'prospective', { name: 'Scénarios publiés' });
    await lead.post(`/api/indicators/${ind.id}/measurements`).send({ on: today, value: 12 }).expect(201);
    await lead.delete(`/api/indicators/${ind.id}`).expect(204);
    expect(await db.query('select 1 from measurement where indicator_id = $1', [ind.id])).toEqual([]);
  });
});
