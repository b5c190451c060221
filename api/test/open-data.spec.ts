import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ActionView, MilestoneView } from '@jalons/contract';

import { createTestApp } from './app';
import { anonymous, signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

// the real Frictionless implementation for JavaScript (CommonJS, no types)
const { Package } = require('datapackage') as { Package: DataPackageStatic };

interface DataResource {
  name: string;
  read(options: { relations?: boolean; keyed?: boolean }): Promise<Record<string, unknown>[]>;
}
interface DataPackage {
  valid: boolean;
  errors: Error[];
  resources: DataResource[];
}
interface DataPackageStatic {
  load(descriptor: string | Record<string, unknown>, options?: { basePath?: string }): Promise<DataPackage>;
}
interface Descriptor {
  name: string;
  created: string;
  version: string;
  licenses: { name: string }[];
  contributors: { title: string; role: string }[];
  resources: {
    name: string;
    path: string;
    mediatype: string;
    encoding: string;
    format: string;
    schema: { fields: { name: string; type: string }[] };
  }[];
}

function resourceOf(pkg: DataPackage, name: string): DataResource {
  const resource = pkg.resources.find((r) => r.name === name);
  if (!resource) throw new Error(`The package has no resource ${name}.`);
  return resource;
}

const REPO = join(__dirname, '..', '..');
const RESOURCES = ['phases', 'functions', 'actions', 'milestones', 'indicators', 'measurements', 'decisions', 'decision_items'];
const TRICKY = 'Atelier « données », avec des "guillemets"\net un saut de ligne';

/**
 * The open data of the seeded Brest roadmap (docs/open-data.md, ADR 0024), over real HTTP, checked
 * with the `datapackage` library (Frictionless for JavaScript): every CSV resource against its Table
 * Schema and the package's foreign keys, the JSON rows against the same schemas, no personal data.
 */
describe('open data', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let anon: TestAgent;
  let lead: TestAgent;
  let roadmap: { id: string; slug: string; version: number };
  let dir: string;
  let descriptor: Descriptor;
  const csv: Record<string, string> = {};
  const json: Record<string, Record<string, unknown>[]> = {};
  const base = () => `/api/public/roadmaps/${roadmap.slug}/open-data`;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    anon = await anonymous(app);
    lead = await signIn(app, db, 'lead');
    roadmap = (await lead.get('/api/roadmaps').expect(200)).body[0];
    const on = await lead.patch(`/api/roadmaps/${roadmap.id}/settings`).send({ version: roadmap.version, publicPage: true }).expect(200);
    roadmap.version = on.body.version;
    // an action whose title needs CSV quoting, and a decision (outside any meeting) about it and a milestone
    const actions = (await lead.get(`/api/roadmaps/${roadmap.id}/actions`).expect(200)).body as ActionView[];
    const milestones = (await lead.get(`/api/roadmaps/${roadmap.id}/milestones`).expect(200)).body as MilestoneView[];
    const created = await lead
      .post(`/api/roadmaps/${roadmap.id}/actions`)
      .send({
        functionId: actions[0].functionId,
        title: TRICKY,
        description: 'Première ligne,\r\nseconde ligne',
        start: '2029-02-01',
        due: '2029-06-30',
      })
      .expect(201);
    await lead
      .post(`/api/roadmaps/${roadmap.id}/decisions`)
      .send({
        date: '2026-11-20',
        kind: 'arbitrage',
        text: 'Arbitrage hors séance, sur l’atelier et un jalon.',
        items: [
          { type: 'action', id: created.body.id },
          { type: 'milestone', id: milestones[0].id },
        ],
      })
      .expect(201);

    dir = mkdtempSync(join(tmpdir(), 'jalons-open-data-'));
    const pkg = await anon.get(`${base()}/datapackage.json`).expect(200);
    descriptor = pkg.body as Descriptor;
    writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(descriptor));
    for (const name of RESOURCES) {
      const res = await anon.get(`${base()}/${name}.csv`).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      csv[name] = res.text;
      writeFileSync(join(dir, `${name}.csv`), res.text, 'utf8');
      json[name] = (
        await anon
          .get(`${base()}/${name}.json`)
          .expect(200)
          .expect('Content-Type', /application\/json/)
      ).body;
    }
  });
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await app?.close();
    await db?.drop();
  });

  it('describes a valid Data Package: the licence, the territory as publisher, every resource as UTF-8 CSV beside datapackage.json', async () => {
    expect(descriptor.name).toBe(`jalons-${roadmap.slug}`);
    expect(descriptor.licenses.map((l) => l.name)).toEqual(['etalab-2.0']);
    // the day its computed columns are for (health, lateness): midnight in Paris, so the body changes with the data or the day only
    expect(descriptor.created).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+0[12]:00$/);
    expect(descriptor.version).toBe(JSON.parse(readFileSync(join(REPO, 'open-data', 'schemas', 'actions.schema.json'), 'utf8')).version);
    expect(descriptor.contributors).toEqual([{ title: 'Ville et Métropole de Brest', role: 'publisher' }]);
    expect(descriptor.resources.map((r) => [r.name, r.path, r.format, r.mediatype, r.encoding])).toEqual(
      RESOURCES.map((n) => [n, `${n}.csv`, 'csv', 'text/csv', 'utf-8']),
    );
    const pkg = await Package.load(join(dir, 'datapackage.json'));
    expect(pkg.errors).toEqual([]);
    expect(pkg.valid).toBe(true);
  });

  it('answers the same bytes twice (stable order, no clock in the body), so the public cache’s ETag holds', async () => {
    expect((await anon.get(`${base()}/actions.csv`).expect(200)).text).toBe(csv['actions']);
    expect((await anon.get(`${base()}/datapackage.json`).expect(200)).body).toEqual(descriptor);
  });

  it('serves the schemas committed in open-data/schemas/, as they are', () => {
    for (const r of descriptor.resources) {
      const committed = JSON.parse(readFileSync(join(REPO, 'open-data', 'schemas', `${r.name}.schema.json`), 'utf8'));
      expect(r.schema).toEqual(committed);
    }
  });

  it('validates every CSV row against its Table Schema and every foreign key of the package', async () => {
    const pkg = await Package.load(join(dir, 'datapackage.json'));
    const read: Record<string, number> = {};
    for (const resource of pkg.resources) read[resource.name] = (await resource.read({ relations: true, keyed: true })).length;
    expect(read).toEqual(await databaseCounts());
    expect(read['decision_items']).toBeGreaterThan(1);
    expect(read['measurements']).toBeGreaterThan(0);
  });

  it('gives the same rows as JSON: the schema’s column names, typed values, valid against the same schemas and keys', async () => {
    const inline = {
      ...descriptor,
      resources: descriptor.resources.map(({ name, schema }) => {
        const columns = schema.fields.map((f) => f.name);
        for (const row of json[name]) expect(Object.keys(row)).toEqual(columns);
        return { name, profile: 'tabular-data-resource', schema, data: [columns, ...json[name].map((row) => columns.map((c) => row[c]))] };
      }),
    };
    const pkg = await Package.load(inline);
    expect(pkg.errors).toEqual([]);
    for (const resource of pkg.resources) {
      const rows = await resource.read({ relations: true, keyed: true });
      expect(rows).toHaveLength(json[resource.name].length);
    }
    for (const { name, schema } of descriptor.resources) {
      for (const row of json[name]) {
        for (const f of schema.fields) {
          const v = row[f.name];
          if (v === null) continue;
          const expected = f.type === 'integer' || f.type === 'number' ? 'number' : f.type === 'boolean' ? 'boolean' : 'string';
          expect([name, f.name, typeof v]).toEqual([name, f.name, expected]);
        }
      }
    }
    // the same rows in the same order as the CSV
    const csvIds = (await (await Package.load(join(dir, 'datapackage.json'))).resources[2].read({ keyed: true })).map((r) => r['id']);
    expect(json['actions'].map((r) => r['id'])).toEqual(csvIds);
  });

  it('quotes a title holding a comma, quotes and a line break as RFC 4180 says, and reads it back exactly', async () => {
    expect(csv['actions']).toContain(`"Atelier « données », avec des ""guillemets""\net un saut de ligne"`);
    expect(csv['actions'].startsWith('id,titre,description,code_fonction,code_phase,')).toBe(true);
    expect(csv['actions'].charCodeAt(0)).not.toBe(0xfeff);
    const pkg = await Package.load(join(dir, 'datapackage.json'));
    const actions = await resourceOf(pkg, 'actions').read({ keyed: true });
    const tricky = actions.find((r) => r['titre'] === TRICKY);
    expect(tricky).toMatchObject({
      description: 'Première ligne,\r\nseconde ligne',
      statut: 'a_lancer',
      statut_libelle: 'À lancer',
      en_retard: false,
    });
    expect(json['actions'].find((r) => r['titre'] === TRICKY)).toMatchObject({ avancement: 0, en_retard: false });
  });

  it('holds no personal data: no account’s name or e-mail, no attendee, no address with an @', async () => {
    const seed = JSON.parse(readFileSync(join(REPO, 'seeds', 'roadmaps', 'brest-2026-2032.json'), 'utf8')) as {
      persons: { name: string; email: string }[];
    };
    const accounts = await db.query<{ name: string; email: string }>('select name, email from account');
    const attendees = await db.query<{ name: string }>('select distinct name from meeting_attendee');
    const needles = [
      ...accounts.flatMap((a) => [a.name, a.email]),
      ...seed.persons.flatMap((p) => [p.name, p.email]),
      ...attendees.map((a) => a.name),
    ].map((s) => s.toLowerCase());
    expect(accounts.length).toBeGreaterThan(3);
    expect(attendees.length).toBeGreaterThan(0);
    const texts = [JSON.stringify(descriptor), ...Object.values(csv), ...Object.values(json).map((rows) => JSON.stringify(rows))];
    for (const text of texts) {
      const lower = text.toLowerCase();
      expect(needles.filter((n) => lower.includes(n))).toEqual([]);
      expect(text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g)).toBeNull();
    }
  });

  it('answers 404 in the one error shape for an unknown resource or format, and for every resource once the page is closed', async () => {
    for (const file of ['owners.csv', 'actions.xlsx', 'actions', 'accounts.json']) {
      const res = await anon.get(`${base()}/${file}`).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'not_found' });
    }
    await anon.get(`/api/public/roadmaps/inconnue/open-data/datapackage.json`).expect(404);
    await lead.patch(`/api/roadmaps/${roadmap.id}/settings`).send({ version: roadmap.version, publicPage: false }).expect(200);
    try {
      const closed = [`${base()}/datapackage.json`, ...RESOURCES.flatMap((n) => [`${base()}/${n}.csv`, `${base()}/${n}.json`])];
      for (const url of closed) {
        const res = await anon.get(url);
        expect([url, res.status, res.body.error]).toEqual([url, 404, 'not_found']);
      }
    } finally {
      const now = (await lead.get('/api/roadmaps').expect(200)).body[0];
      const on = await lead.patch(`/api/roadmaps/${roadmap.id}/settings`).send({ version: now.version, publicPage: true }).expect(200);
      roadmap.version = on.body.version;
    }
  });

  it('can fail: a tampered row (an unknown function, a progress of 150, an unknown status, a French date) is rejected by the validator', async () => {
    const tampered = mkdtempSync(join(tmpdir(), 'jalons-open-data-bad-'));
    try {
      for (const name of RESOURCES) writeFileSync(join(tampered, `${name}.csv`), csv[name], 'utf8');
      writeFileSync(join(tampered, 'datapackage.json'), JSON.stringify(descriptor));
      // a line without quotes is a whole row: its cells split on the commas
      const lines = csv['actions'].split('\r\n');
      const header = lines[0].split(',');
      const at = lines.findIndex((l, i) => i > 0 && !l.includes('"') && l.split(',').length === header.length);
      const cells = lines[at].split(',');
      const tamper = (column: string, value: string) =>
        writeFileSync(
          join(tampered, 'actions.csv'),
          Object.assign([...lines], { [at]: Object.assign([...cells], { [header.indexOf(column)]: value }).join(',') }).join('\r\n'),
        );
      const readActions = async () =>
        resourceOf(await Package.load(join(tampered, 'datapackage.json')), 'actions').read({ relations: true, keyed: true });

      // what the validator says, with the details of its row errors
      const failure = async (): Promise<string> => {
        try {
          await readActions();
          return 'accepted';
        } catch (e) {
          const err = e as Error & { errors?: Error[] };
          return [err.message, ...(err.errors ?? []).map((x) => x.message)].join(' | ');
        }
      };

      expect(at).toBeGreaterThan(0);
      expect(await failure()).toBe('accepted');
      tamper('code_fonction', 'inconnue');
      expect(await failure()).toMatch(/foreign key/i);
      tamper('avancement', '150');
      expect(await failure()).toMatch(/"maximum" constraint for column "avancement"/);
      tamper('statut', 'en_pause');
      expect(await failure()).toMatch(/"enum" constraint for column "statut"/);
      tamper('date_debut', '01/02/2027');
      expect(await failure()).toMatch(/"01\/02\/2027".*"date_debut"/);
    } finally {
      rmSync(tampered, { recursive: true, force: true });
    }
  });

  /** The rows the database holds for the roadmap, counted here (not by the code under test). */
  async function databaseCounts(): Promise<Record<string, number>> {
    const count = async (sql: string) => Number((await db.query<{ n: string }>(sql, [roadmap.id]))[0].n);
    return {
      phases: await count('select count(*) as n from phase where roadmap_id = $1'),
      functions: await count('select count(*) as n from target_function where roadmap_id = $1'),
      actions: await count('select count(*) as n from action where roadmap_id = $1'),
      milestones: await count('select count(*) as n from milestone where roadmap_id = $1'),
      indicators: await count(
        'select count(*) as n from indicator i join target_function f on f.id = i.function_id where f.roadmap_id = $1',
      ),
      measurements: await count(
        'select count(*) as n from measurement m join indicator i on i.id = m.indicator_id join target_function f on f.id = i.function_id where f.roadmap_id = $1',
      ),
      decisions: await count('select count(*) as n from decision where roadmap_id = $1'),
      decision_items: await count(
        'select count(*) as n from decision_item di join decision d on d.id = di.decision_id where d.roadmap_id = $1',
      ),
    };
  }
});
