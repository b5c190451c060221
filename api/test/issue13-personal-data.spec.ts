import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { inHtml, inJson } from '../src/app/privacy/sweep-patterns';
import { createTestApp } from './app';
import { ensureAccount, signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/*
 * Issue 13's review of personal data: every public answer about the seeded Brest roadmap (public page,
 * open data in CSV and JSON, the package, the instance facts, robots.txt, the sitemap) names no account
 * and no person; an anonymisation of a name full of regular-expression and LIKE specials and an e-mail
 * written in capitals leaves them nowhere — not in a sent e-mail's HTML body (where « d'Arvor » is
 * « d&#39;Arvor »), a history comment, a deleted item's JSON snapshot, a calendar feed's label.
 */

const NAME = `Maël d'Arvor_%\\ "Kéré"`;
const EMAIL = `Mael.D'Arvor+x%_@Brest.Example`;
const RESOURCES = ['phases', 'functions', 'actions', 'milestones', 'indicators', 'measurements', 'decisions'];

describe('personal data in issue 13’s answers and after an anonymisation', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let admin: TestAgent;
  let slug: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url, { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }));
    admin = await signIn(app, db, 'admin');
    [{ slug }] = await db.query<{ slug: string }>(`update roadmap set public_page = true where slug = 'brest-2026-2032' returning slug`);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const count = async (sql: string, params: unknown[] = []) => Number(Object.values((await db.query(sql, params))[0])[0]);

  it('names no account and no person in any public answer about the Brest roadmap', async () => {
    const people = await db.query<{ name: string; email: string }>(
      "select name, email from account union select name, '' from meeting_attendee",
    );
    expect(people.length).toBeGreaterThan(3);
    const anon = request(app.getHttpServer());
    const paths = [
      '/api/public/roadmaps',
      `/api/public/roadmaps/${slug}`,
      `/api/public/roadmaps/${slug}/open-data/datapackage.json`,
      ...RESOURCES.flatMap((r) => [`/api/public/roadmaps/${slug}/open-data/${r}.csv`, `/api/public/roadmaps/${slug}/open-data/${r}.json`]),
      '/api/public/instance',
      '/robots.txt',
      '/sitemap.xml',
    ];
    const found: string[] = [];
    for (const path of paths) {
      const res = await anon.get(path).buffer(true);
      expect([path, res.status]).toEqual([path, 200]);
      const body = (res.text ?? JSON.stringify(res.body)).toLowerCase();
      for (const p of people) {
        for (const v of [
          ...(p.name.includes(' ') ? [p.name] : []),
          p.email,
          ...(p.email.split('@')[0].includes('.') ? [p.email.split('@')[0]] : []),
        ])
          if (v.length > 4 && body.includes(v.toLowerCase())) found.push(`${path}: ${v}`);
      }
      expect(body).not.toMatch(/[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z]{2,}/);
    }
    expect(found).toEqual([]);
  });

  it('leaves a name of specials and an e-mail in capitals nowhere, the history lines all kept', async () => {
    const id = await ensureAccount(db, EMAIL, 'owner', NAME);
    const lower = EMAIL.toLowerCase();
    const [action] = await db.query<{ id: string; roadmap_id: string; function_id: string }>(
      `select a.id, f.roadmap_id, a.function_id from action a join target_function f on f.id = a.function_id order by a.id limit 1`,
    );
    await db.query(
      `insert into change_history (id, roadmap_id, item_type, item_id, actor_id, at, field, from_value, to_value, comment)
       values (gen_random_uuid(), $1, 'action', $2, $3, now(), 'status', 'a_lancer', 'en_cours', $4)`,
      [action.roadmap_id, action.id, id, `Vu avec ${NAME} (${lower}).`],
    );
    await db.query(
      `insert into outbox (id, key, account_id, kind, to_address, subject, text_body, html_body, status, attempts, next_attempt_at, created_at, sent_at)
       values (gen_random_uuid(), 'r1-digest', $1, 'digest', $2, $3, $4, $5, 'sent', 1, now(), now(), now())`,
      [id, lower, `Vos échéances, ${NAME}`, `Bonjour ${NAME},\n${EMAIL}`, `<p>Bonjour ${inHtml(NAME)},</p><p>${inHtml(EMAIL)}</p>`],
    );
    await db.query(
      `insert into deleted_item (roadmap_id, item_type, item_id, title, function_id, snapshot, deleted_by)
       values ($1, 'action', gen_random_uuid(), 'Action supprimée', $2, $3, null)`,
      [action.roadmap_id, action.function_id, JSON.stringify({ owner: NAME, note: `Suivie par ${NAME} <${EMAIL}>`, people: [NAME] })],
    );
    await db.query(
      `insert into calendar_feed (id, token_hash, account_id, scope, target_id, label, created_at)
       values (gen_random_uuid(), md5(random()::text) || md5(random()::text), $1, 'person', $1, $2, now())`,
      [id, `Échéances de ${NAME}`],
    );
    const lines = await count('select count(*) from change_history');
    const { version } = (await db.query<{ version: number }>('select version from account where id = $1', [id]))[0];

    const res = await admin.post(`/api/accounts/${id}/anonymise`).send({ version });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ name: 'Ancien·ne responsable', active: false }));

    const columns = await db.query<{ t: string; c: string; d: string }>(
      `select table_name as t, column_name as c, data_type as d from information_schema.columns
        where table_schema = current_schema() and table_name <> 'mikro_orm_migrations'
          and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
    );
    const found: string[] = [];
    const needles = [NAME, inHtml(NAME), inJson(NAME), 'Arvor', lower, inHtml(lower), 'mael.d'];
    for (const { t, c, d } of columns) {
      const value = d === 'ARRAY' ? `array_to_string("${c}", ' ')` : `"${c}"::text`;
      for (const n of needles)
        if (await count(`select count(*) from "${t}" where strpos(lower(${value}), lower($1)) > 0`, [n])) found.push(`${t}.${c}: ${n}`);
    }
    expect(found).toEqual([]);
    expect(await count('select count(*) from change_history')).toBe(lines);
    expect(
      await count(`select count(*) from change_history where actor_id = $1 and comment like 'Vu avec Ancien·ne responsable%'`, [id]),
    ).toBe(1);
  });
});
