import { chronogramOf } from '@jalons/contract';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MikroORM } from '@mikro-orm/postgresql';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { ormOptions } from '../src/infra/database/mikro-orm.config';
import { exportRoadmap, KIT_FILE, loadKit, loadRoadmapFile, RoadmapExportError, seedRoadmapFile } from '../src/app/roadmap-setup';
import type { KitFile } from '../src/app/roadmap-setup';
import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/**
 * One roadmap, portable (issue 15, ADR 0033): Brest after some writes is exported from one instance and
 * loaded with the seed's loader into an empty one; the second shows the same chronogram, the same
 * history lines and the same roll-ups, ids kept; no password, session or token travels.
 */
describe('npm run roadmap:export, then npm run seed -- --file', () => {
  const SLUG = 'brest-2026-2032';
  const seeds = join(__dirname, '..', '..', 'seeds');
  let kit: KitFile;
  let from: TestDatabase;
  let to: TestDatabase;
  let source: NestExpressApplication;
  let target: NestExpressApplication | undefined;
  let file: string;
  let roadmapId: string;

  const orm = (url: string) => MikroORM.init(ormOptions(url));
  /** The history lines of the roadmap, their authors by e-mail. */
  const historyLines = (db: TestDatabase) =>
    db.query(
      `select h.id, h.item_type, h.item_id, lower(a.email) as by, h.at, h.field, h.from_value, h.to_value, h.comment
         from change_history h left join account a on a.id = h.actor_id where h.roadmap_id = $1 order by h.id`,
      [roadmapId],
    );
  /** `value` with every account id replaced by its e-mail: accounts are the instance's own, matched by e-mail (their ids differ). */
  async function byEmail(db: TestDatabase, value: unknown): Promise<unknown> {
    const emails = new Map(
      (await db.query<{ id: string; email: string }>('select id, lower(email) as email from account')).map((a) => [a.id, a.email]),
    );
    return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
      typeof v === 'string' && emails.has(v) ? `account:${emails.get(v)}` : v,
    );
  }
  /** What a reader sees: the chronogram, the functions' roll-ups, today's and at a past day, the S-curve, the latest changes. */
  async function reads(http: TestAgent, db: TestDatabase) {
    const get = async (path: string) => byEmail(db, (await http.get(path).expect(200)).body);
    return {
      chronogram: await get(`/api/roadmaps/${roadmapId}/chronogram`),
      past: await get(`/api/roadmaps/${roadmapId}/chronogram?at=2026-12-31`),
      functions: await get(`/api/roadmaps/${roadmapId}/functions`),
      sCurve: await get(`/api/roadmaps/${roadmapId}/s-curve`),
      changes: await get(`/api/roadmaps/${roadmapId}/changes?limit=50`),
    };
  }

  beforeAll(async () => {
    kit = loadKit(KIT_FILE(seeds));
    from = await createTestDatabase();
    to = await createTestDatabase({ seed: false });
    ({ app: source } = await createTestApp(from.url));
    const lead = await signIn(source, from, 'lead');
    const c = (await lead.get('/api/roadmaps').expect(200)).body as Array<{ id: string; slug: string }>;
    roadmapId = c.find((r) => r.slug === SLUG)!.id;
    const chronogram = chronogramOf((await lead.get(`/api/roadmaps/${roadmapId}/chronogram`).expect(200)).body);
    const fn = chronogram.functions.find((f) => f.code === 'mediation')!;
    // some writes: a new action, finished; a second one after it; a milestone moved and reached
    const a = (
      await lead
        .post(`/api/roadmaps/${roadmapId}/actions`)
        .send({
          functionId: fn.id,
          title: 'Ouvrir un guichet de la donnée',
          description: 'Un accueil.',
          start: '2026-04-01',
          due: '2026-10-31',
        })
        .expect(201)
    ).body;
    await lead.put(`/api/actions/${a.id}/status`).send({ version: 1, status: 'terminee', progress: 100, comment: 'Livré' }).expect(200);
    const b = (
      await lead
        .post(`/api/roadmaps/${roadmapId}/actions`)
        .send({ functionId: fn.id, title: 'Former les agents d’accueil', description: '', start: '2026-11-02', due: '2027-03-31' })
        .expect(201)
    ).body;
    await lead.post(`/api/actions/${b.id}/dependencies`).send({ version: b.version, predecessorId: a.id }).expect(201);
    const m = chronogram.milestones.find((x) => !x.achievedOn)!;
    await lead.patch(`/api/milestones/${m.id}`).send({ version: m.version, achievedOn: '2026-07-02', comment: 'Atteint' }).expect(200);

    const out = await orm(from.url);
    try {
      file = join(mkdtempSync(join(tmpdir(), 'jalons-export-')), `${SLUG}.json`);
      writeFileSync(file, JSON.stringify(await exportRoadmap(out.em.fork(), SLUG), null, 2));
    } finally {
      await out.close();
    }
  });
  afterAll(async () => {
    await target?.close();
    await source?.close();
    await to?.drop();
    await from?.drop();
  });

  it('writes the seed format with the rows hanging from the roadmap, accounts by e-mail and never a secret', () => {
    const text = readFileSync(file, 'utf8');
    const parsed = loadRoadmapFile(file, kit); // the schema and the loader's checks accept it
    expect(parsed).toMatchObject({ slug: SLUG, kit: kit.code, territory: 'Ville et Métropole de Brest' });
    const tables = parsed.records!.tables;
    for (const t of ['roadmap', 'phase', 'target_function', 'action', 'milestone', 'action_dependency', 'change_history']) {
      expect(tables[t]?.rows.length).toBeGreaterThan(0);
    }
    for (const t of ['actor', 'assessment', 'indicator', 'measurement', 'governance_instance', 'meeting', 'decision']) {
      expect([t, tables[t]?.rows.length ?? 0]).not.toEqual([t, 0]);
    }
    for (const t of ['account', 'session', 'account_token', 'calendar_feed', 'outbox', 'notification']) expect(tables[t]).toBeUndefined();
    expect(parsed.persons.every((p) => Object.keys(p).sort().join() === 'email,key,name,role')).toBe(true);
    expect(text).not.toMatch(/password|token_hash|\$argon2/i);
  });

  it('loads into an empty instance: the same chronogram, history lines and roll-ups, ids kept; twice changes nothing', async () => {
    const into = await orm(to.url);
    try {
      expect(await seedRoadmapFile(into.em.fork(), kit, loadRoadmapFile(file, kit))).toEqual({ created: true, roadmapId });
      expect(await seedRoadmapFile(into.em.fork(), kit, loadRoadmapFile(file, kit))).toEqual({ created: false, roadmapId });
    } finally {
      await into.close();
    }
    ({ app: target } = await createTestApp(to.url));
    const before = await reads(await signIn(source, from, 'lead'), from);
    const after = await reads(await signIn(target, to, 'lead'), to);
    expect(after.chronogram).toEqual(before.chronogram);
    expect(after.past).toEqual(before.past);
    expect(after.functions).toEqual(before.functions);
    expect(after.sCurve).toEqual(before.sCurve);
    expect(after.changes).toEqual(before.changes);
    const lines = await historyLines(from);
    expect(lines.length).toBeGreaterThan(100);
    expect(await historyLines(to)).toEqual(lines);
    // everything else that hangs from the roadmap, table by table: an export of the copy is the export of the original
    const again = await orm(to.url);
    try {
      const copy = await exportRoadmap(again.em.fork(), SLUG);
      const original = JSON.parse(readFileSync(file, 'utf8'));
      expect({ ...copy, records: { ...copy.records, exportedAt: null } }).toEqual({
        ...original,
        records: { ...original.records, exportedAt: null },
      });
    } finally {
      await again.close();
    }
  });

  it('refuses a file from a newer version, changing nothing', async () => {
    const newer = JSON.parse(readFileSync(file, 'utf8'));
    newer.slug = 'brest-copie';
    newer.records.tables.roadmap.rows[0].slug = 'brest-copie';
    newer.records.migration = 'Migration99991231000000_future';
    const db = await createTestDatabase({ seed: false });
    const into = await orm(db.url);
    try {
      await expect(seedRoadmapFile(into.em.fork(), kit, newer)).rejects.toThrow(RoadmapExportError);
      await expect(seedRoadmapFile(into.em.fork(), kit, newer)).rejects.toThrow(/version plus récente/);
      expect(await db.query('select id from roadmap')).toEqual([]);
      expect(await db.query('select id from account')).toEqual([]);
    } finally {
      await into.close();
      await db.drop();
    }
  });
});
