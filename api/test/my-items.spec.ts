import type { NestExpressApplication } from '@nestjs/platform-express';
import type { MyItemsView } from '@jalons/contract';

import { createTestApp } from './app';
import { BREST, ensureAccount, signIn, signInAs } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/** The reference day of these checks: the Brest roadmap has items due before and after it. */
const AT = '2027-06-15';

/*
 * « Mes échéances » over HTTP: GET /api/me/items for the Brest function owner, with the expected
 * items read from the tables with independent SQL.
 */
describe('GET /api/me/items', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let owner: TestAgent;
  let ownerId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    owner = await signIn(app, db, 'owner');
    [{ id: ownerId }] = await db.query<{ id: string }>('select id from account where email = $1', [BREST.owner]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const get = async (agent: TestAgent, query = '') => (await agent.get(`/api/me/items?at=${AT}${query}`).expect(200)).body as MyItemsView;
  const itemsOf = (view: MyItemsView) => view.roadmaps.flatMap((r) => r.items);

  /** the owner's open items, from the tables: their own, or their function's when nobody is named */
  async function expectedIds(dueBy?: string): Promise<string[]> {
    const rows = await db.query<{ id: string }>(
      `select a.id from action a join target_function f on f.id = a.function_id
        where coalesce(a.owner_id, f.owner_id) = $1 and a.status not in ('terminee', 'abandonnee') and ($2::date is null or a.due_date <= $2)
       union all
       select m.id from milestone m join target_function f on f.id = m.function_id
        where coalesce(m.owner_id, f.owner_id) = $1 and m.achieved_on is null and ($2::date is null or m.milestone_date <= $2)`,
      [ownerId, dueBy ?? null],
    );
    return rows.map((r) => r.id).sort();
  }

  it('lists only the signed-in owner’s open actions and milestones, by roadmap', async () => {
    const view = await get(owner);
    const items = itemsOf(view);
    expect(view).toMatchObject({ at: AT, within: null });
    expect(view.roadmaps.map((r) => r.slug)).toEqual(['brest-2026-2032']);
    expect(items.map((i) => i.id).sort()).toEqual(await expectedIds());
    expect(items.some((i) => i.kind === 'action')).toBe(true);
    expect(items.some((i) => i.kind === 'milestone')).toBe(true);
    expect(items.every((i) => i.status !== 'terminee' && i.status !== 'abandonnee' && i.achievedOn === null)).toBe(true);
  });

  it('puts the late ones first, flagged, then the rest by due date', async () => {
    const items = itemsOf(await get(owner));
    const late = items.filter((i) => i.late);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(items.length);
    expect(items.slice(0, late.length).every((i) => i.late)).toBe(true);
    expect(late.every((i) => i.due < AT)).toBe(true);
    expect(items.filter((i) => !i.late).every((i) => i.due >= AT)).toBe(true);
    const dues = items.map((i) => i.due);
    expect(dues).toEqual([...dues].sort());
  });

  it('with ?within=N keeps what falls due in the next N days, the late ones included', async () => {
    const view = await get(owner, '&within=90');
    const items = itemsOf(view);
    expect(view.within).toBe(90);
    expect(items.map((i) => i.id).sort()).toEqual(await expectedIds('2027-09-13'));
    expect(items.length).toBeLessThan(itemsOf(await get(owner)).length);
    expect(items.some((i) => i.late)).toBe(true);
  });

  it('drops an item once it is done, and gives the version the quick update sends', async () => {
    const [action] = itemsOf(await get(owner)).filter((i) => i.kind === 'action');
    await owner.put(`/api/actions/${action.id}/status`).send({ version: action.version, status: 'terminee', progress: 100 }).expect(200);
    expect(itemsOf(await get(owner)).map((i) => i.id)).not.toContain(action.id);
  });

  it('gives someone who answers for nothing (an elected official, an administrator) an empty list', async () => {
    expect((await get(await signIn(app, db, 'elected'))).roadmaps).toEqual([]);
    await ensureAccount(db, 'admin@test.example', 'admin');
    expect((await get(await signInAs(app, 'admin@test.example'))).roadmaps).toEqual([]);
  });

  it('refuses a look-ahead that is not a number of days, in the one error shape', async () => {
    for (const within of ['-1', 'deux', '731']) {
      const res = await owner.get(`/api/me/items?within=${within}`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'validation_failed' });
      expect(res.body.errors).toContainEqual({ field: 'within', message: 'within doit être un nombre entier de jours de 0 à 730.' });
      expect(res.body.errors.every((e: { field: string }) => e.field === 'within')).toBe(true);
    }
  });
});
