import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ActionView, ImportPlanView, MilestoneView, RoadmapSummaryView } from '@jalons/contract';
import { addDays, formatFrDate } from '@jalons/domain';
import ExcelJS from 'exceljs';
import type request from 'supertest';

import { ImportQueries } from '../src/app/import/import.queries';
import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/** supertest: keep the body as bytes */
const binary = (res: NodeJS.ReadableStream, done: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const asParser = binary as unknown as Parameters<ReturnType<ReturnType<typeof request>['get']>['parse']>[0];

/** A workbook's « Actions » sheet edited as a person would: cells found by header and by the row's id. */
class Edited {
  constructor(readonly book: ExcelJS.Workbook) {}

  static async of(body: Buffer): Promise<Edited> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    return new Edited(book);
  }

  sheet(name = 'Actions'): ExcelJS.Worksheet {
    return this.book.getWorksheet(name)!;
  }

  col(header: string, sheet = 'Actions'): number {
    const values = this.sheet(sheet).getRow(1).values as unknown[];
    const i = values.indexOf(header);
    if (i < 1) throw new Error(`no column ${header}`);
    return i;
  }

  row(id: string, sheet = 'Actions'): ExcelJS.Row {
    const ws = this.sheet(sheet);
    const idCol = this.col('id', sheet);
    for (let n = 2; n <= ws.rowCount; n++) if (ws.getRow(n).getCell(idCol).value === id) return ws.getRow(n);
    throw new Error(`no row for ${id}`);
  }

  set(id: string, header: string, value: ExcelJS.CellValue): number {
    const row = this.row(id);
    row.getCell(this.col(header)).value = value;
    return row.number;
  }

  add(values: Record<string, ExcelJS.CellValue>): number {
    const ws = this.sheet();
    const row = ws.getRow(ws.rowCount + 1);
    for (const [header, value] of Object.entries(values)) row.getCell(this.col(header)).value = value;
    row.commit();
    return row.number;
  }

  async buffer(): Promise<Buffer> {
    return Buffer.from(await this.book.xlsx.writeBuffer());
  }
}

describe('importing an edited export (the spreadsheet round trip)', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let http: TestAgent;
  let roadmap: RoadmapSummaryView;
  let actions: ActionView[];

  const exported = async (format: 'xlsx' | 'csv' = 'xlsx'): Promise<Buffer> =>
    (await http.get(`/api/roadmaps/${roadmap.id}/export?format=${format}`).buffer(true).parse(asParser).expect(200)).body as Buffer;
  const upload = (body: Buffer, name: string, dryRun: boolean) =>
    http.post(`/api/roadmaps/${roadmap.id}/import${dryRun ? '?dryRun=true' : ''}`).attach('file', body, name);
  /** what a refused import must leave as it was: counts of every table it writes, every version, the revision */
  const snapshot = async () => ({
    counts: await db.query(
      `select (select count(*) from action) a, (select count(*) from milestone) m, (select count(*) from change_history) h,
              (select count(*) from action_dependency) d`,
    ),
    versions: await db.query('select id, version, title, due_date::text from action order by id'),
    milestones: await db.query('select id, version from milestone order by id'),
    revision: await db.query('select revision from roadmap where id = $1', [roadmap.id]),
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    http = await signIn(app, db, 'lead');
    [roadmap] = (await http.get('/api/roadmaps').expect(200)).body;
    actions = (await http.get(`/api/roadmaps/${roadmap.id}/actions`).expect(200)).body;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('finds nothing to change in the file as exported (XLSX and CSV)', async () => {
    const milestones = (await http.get(`/api/roadmaps/${roadmap.id}/milestones`).expect(200)).body.length;
    const plan: ImportPlanView = (await upload(await exported(), 'export.xlsx', true).expect(200)).body;
    expect(plan).toMatchObject({
      fileName: 'export.xlsx',
      applied: false,
      updates: [],
      creations: [],
      refused: [],
      conflicts: [],
      warnings: [],
    });
    expect(plan.unchanged).toBe(actions.length + milestones);
    expect(plan.canApply).toBe(false);
    const csv: ImportPlanView = (await upload(await exported('csv'), 'export.csv', true).expect(200)).body;
    expect(csv).toMatchObject({ updates: [], creations: [], refused: [], conflicts: [], unchanged: actions.length });
  });

  describe('three rows changed, one added, one with an impossible date', () => {
    let file: Edited;
    let lines: { renamed: number; replanned: number; progressed: number; added: number; bad: number };
    const [renamed, replanned, progressed, bad] = [0, 1, 2, 3].map((i) => () => actions.filter((a) => a.status === 'en_cours')[i]);

    beforeAll(async () => {
      file = await Edited.of(await exported());
      const newDue = addDays(replanned().due, 7);
      lines = {
        renamed: file.set(renamed().id, 'Action', `${renamed().title} (revu)`),
        replanned: file.set(replanned().id, 'Échéance', formatFrDate(newDue)),
        progressed: file.set(progressed().id, 'Avancement %', '45 %'),
        added: file.add({
          Fonction: 'juridique',
          Action: 'Action ajoutée par le tableur',
          Début: '01/03/2027',
          Échéance: '30/06/2027',
          Statut: 'À lancer',
          'Avancement %': 0,
        }),
        bad: file.set(bad().id, 'Début', '31/02/2027'),
      };
      file.sheet().getRow(1).getCell(20).value = 'Notes perso';
    });

    it('shows exactly that in the dry run, and writes nothing', async () => {
      const before = await snapshot();
      const plan: ImportPlanView = (await upload(await file.buffer(), 'plan modifié.xlsx', true).expect(200)).body;
      expect(plan.fileName).toBe('plan modifié.xlsx');
      expect(plan.updates.map((u) => [u.line, u.id, u.changes.map((c) => [c.field, c.from, c.to])])).toEqual([
        [lines.renamed, renamed().id, [['title', renamed().title, `${renamed().title} (revu)`]]],
        [lines.replanned, replanned().id, [['due', replanned().due, addDays(replanned().due, 7)]]],
        [lines.progressed, progressed().id, [['progress', `${progressed().progress} %`, '45 %']]],
      ]);
      expect(plan.creations).toHaveLength(1);
      expect(plan.creations[0]).toMatchObject({ line: lines.added, title: 'Action ajoutée par le tableur', itemType: 'action' });
      expect(plan.creations[0].fields.find((f) => f.field === 'phase')?.to).toBeTruthy();
      expect(plan.refused).toEqual([
        {
          itemType: 'action',
          sheet: 'Actions',
          line: lines.bad,
          title: bad().title,
          id: bad().id,
          reasons: ['Début : « 31/02/2027 » n’est pas un jour du calendrier.'],
        },
      ]);
      expect(plan.conflicts).toEqual([]);
      expect(plan.warnings).toEqual(['Feuille « Actions » : la colonne « Notes perso » est inconnue, elle est ignorée.']);
      expect(plan.canApply).toBe(false);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses the whole import for one invalid row: table counts, versions and revision unchanged', async () => {
      const before = await snapshot();
      const res = await upload(await file.buffer(), 'plan modifié.xlsx', false).expect(422);
      expect(res.body.errors).toEqual([
        { field: `Actions ligne ${lines.bad}`, message: 'Début : « 31/02/2027 » n’est pas un jour du calendrier.' },
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('applies the plan once the bad row is fixed: one transaction, history « import <file> », versions +1, revision +1', async () => {
      file.set(bad().id, 'Début', formatFrDate(bad().start));
      const [{ revision }] = await db.query<{ revision: number }>('select revision from roadmap where id = $1', [roadmap.id]);
      const res = await upload(await file.buffer(), 'plan modifié.xlsx', false).expect(200);
      expect(res.body).toMatchObject({ applied: true, refused: [], conflicts: [] });
      expect(res.body.updates).toHaveLength(3);
      const after = (id: string) => http.get(`/api/actions/${id}`).expect(200);
      expect((await after(renamed().id)).body).toMatchObject({ title: `${renamed().title} (revu)`, version: renamed().version + 1 });
      expect((await after(replanned().id)).body).toMatchObject({ due: addDays(replanned().due, 7), version: replanned().version + 1 });
      expect((await after(progressed().id)).body).toMatchObject({ progress: 45, version: progressed().version + 1 });
      expect((await after(bad().id)).body).toMatchObject({ start: bad().start, version: bad().version });
      const created = (await http.get(`/api/roadmaps/${roadmap.id}/actions`).expect(200)).body.find(
        (a: ActionView) => a.title === 'Action ajoutée par le tableur',
      );
      expect(created).toMatchObject({ start: '2027-03-01', due: '2027-06-30', status: 'a_lancer', progress: 0, version: 1 });
      const history = (await http.get(`/api/actions/${progressed().id}/history`).expect(200)).body;
      expect(history.at(-1)).toMatchObject({
        field: 'progress',
        from: String(progressed().progress),
        to: '45',
        comment: 'import plan modifié.xlsx',
      });
      const lines = await db.query<{ n: string }>(`select count(*) n from change_history where comment = 'import plan modifié.xlsx'`);
      expect(Number(lines[0].n)).toBe(4);
      const [{ revision: now }] = await db.query<{ revision: number }>('select revision from roadmap where id = $1', [roadmap.id]);
      expect(now).toBe(revision + 1);
    });
  });

  it('reports a row changed since the export as a conflict, and never overwrites it', async () => {
    const file = await Edited.of(await exported());
    const target = actions.filter((a) => a.status === 'en_cours')[5];
    const line = file.set(target.id, 'Action', 'Titre venu du tableur');
    const current = (await http.get(`/api/actions/${target.id}`).expect(200)).body as ActionView;
    await http.patch(`/api/actions/${target.id}`).send({ version: current.version, title: 'Titre changé dans Jalons' }).expect(200);
    const plan: ImportPlanView = (await upload(await file.buffer(), 'vieux.xlsx', true).expect(200)).body;
    expect(plan.conflicts).toEqual([
      {
        itemType: 'action',
        sheet: 'Actions',
        line,
        title: 'Titre venu du tableur',
        id: target.id,
        fileVersion: current.version,
        currentVersion: current.version + 1,
      },
    ]);
    expect(plan.canApply).toBe(false);
    const before = await snapshot();
    const res = await upload(await file.buffer(), 'vieux.xlsx', false).expect(409);
    expect(res.body.errors[0]).toEqual({
      field: `Actions ligne ${line}`,
      message: expect.stringContaining(`version ${current.version + 1}`),
    });
    expect(await snapshot()).toEqual(before);
    expect((await http.get(`/api/actions/${target.id}`).expect(200)).body.title).toBe('Titre changé dans Jalons');
  });

  it('rolls everything back with a 409 when an update misses its version after all (the guard behind the row locks)', async () => {
    const file = await Edited.of(await exported());
    const [first, second] = actions.filter((a) => a.status === 'a_lancer');
    file.set(first.id, 'Action', `${first.title} (garde)`);
    const line = file.set(second.id, 'Action', `${second.title} (garde)`);
    const queries = app.get(ImportQueries);
    const real = queries.updateActions.bind(queries);
    // the statement runs and writes, but answers one row short, as if another writer had bumped it in between
    const spy = jest
      .spyOn(queries, 'updateActions')
      .mockImplementationOnce(async (...args) => (await real(...args)).filter((id) => id !== second.id));
    const before = await snapshot();
    try {
      const res = await upload(await file.buffer(), 'garde.xlsx', false).expect(409);
      expect(res.body.errors).toEqual([
        { field: `Actions ligne ${line}`, message: expect.stringContaining(`« ${second.title} (garde) »`) },
      ]);
    } finally {
      spy.mockRestore();
    }
    expect(await snapshot()).toEqual(before);
  });

  it('creates two actions, the second after the first (an arrow between new rows), and removes an arrow the file drops', async () => {
    const now: ActionView[] = (await http.get(`/api/roadmaps/${roadmap.id}/actions`).expect(200)).body;
    const successor = now.find((a) => a.predecessorIds.length === 1)!;
    const file = await Edited.of(await exported());
    file.set(successor.id, 'Actions précédentes', null);
    const row = { Fonction: 'juridique', Début: '01/03/2027', Échéance: '30/06/2027', Statut: 'À lancer', 'Avancement %': 0 };
    // an arrow to an action that starts before its predecessor is due is refused, as on the Gantt
    const early = await Edited.of(await exported());
    early.add({ ...row, Action: 'Première du tableur' });
    early.add({ ...row, Action: 'Seconde du tableur', 'Actions précédentes': 'Première du tableur' });
    const refused = (await upload(await early.buffer(), 'arrows.xlsx', true).expect(200)).body.refused;
    expect(refused).toEqual([
      expect.objectContaining({
        reasons: [
          expect.stringContaining(
            '« Seconde du tableur » commence le 01/03/2027, avant l’échéance de « Première du tableur » (30/06/2027)',
          ),
        ],
      }),
    ]);
    file.add({ ...row, Action: 'Première du tableur' });
    file.add({
      ...row,
      Action: 'Seconde du tableur',
      Début: '30/06/2027',
      Échéance: '30/09/2027',
      'Actions précédentes': 'Première du tableur',
    });
    const res = await upload(await file.buffer(), 'arrows.xlsx', false).expect(200);
    expect(res.body.creations.map((c: { title: string }) => c.title)).toEqual(['Première du tableur', 'Seconde du tableur']);
    const after: ActionView[] = (await http.get(`/api/roadmaps/${roadmap.id}/actions`).expect(200)).body;
    const first = after.find((a) => a.title === 'Première du tableur')!;
    expect(after.find((a) => a.title === 'Seconde du tableur')).toMatchObject({ predecessorIds: [first.id], version: 1 });
    expect(after.find((a) => a.id === successor.id)).toMatchObject({ predecessorIds: [], version: successor.version + 1 });
    const history = (await http.get(`/api/actions/${successor.id}/history`).expect(200)).body;
    expect(history.at(-1)).toMatchObject({ field: 'predecessor', to: null, comment: 'import arrows.xlsx' });
  });

  it('imports a CSV edited in a French spreadsheet: a share with a decimal comma, a predecessor by title', async () => {
    const text = (await exported('csv')).toString('utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = text.trimEnd().split('\r\n');
    const cols = header.split(';');
    const now: ActionView[] = (await http.get(`/api/roadmaps/${roadmap.id}/actions`).expect(200)).body;
    const unique = (a: ActionView) => now.filter((x) => x.title === a.title).length === 1;
    // an earlier action of the same function, itself without predecessors (no cycle possible), named once
    const earlier = (a: ActionView) =>
      now.find((o) => o.functionId === a.functionId && o.due < a.start && !o.predecessorIds.length && unique(o) && !o.title.includes(';'));
    const target = now.find((a) => a.status === 'en_cours' && !a.predecessorIds.length && earlier(a))!;
    const other = earlier(target)!;
    const edited = rows.map((r) => {
      const cells = r.split(';');
      if (!r.includes(target.id)) return r;
      cells[cols.indexOf('Avancement %')] = '0,3';
      cells[cols.indexOf('Actions précédentes')] = other.title;
      return cells.join(';');
    });
    const body = Buffer.from(`\uFEFF${[header, ...edited].join('\r\n')}\r\n`, 'utf8');
    const res = await upload(body, 'actions.csv', false).expect(200);
    expect(res.body.updates.map((u: { changes: { field: string; to: string }[] }) => u.changes.map((c) => [c.field, c.to]))).toEqual([
      [
        ['progress', '30 %'],
        ['predecessors', other.title],
      ],
    ]);
    expect((await http.get(`/api/actions/${target.id}`).expect(200)).body).toMatchObject({ progress: 30, predecessorIds: [other.id] });
  });

  it('updates milestones from the « Jalons » sheet: achieved on a French date, another date moving its phase', async () => {
    const file = await Edited.of(await exported());
    const [first, second] = (await http.get(`/api/roadmaps/${roadmap.id}/milestones`).expect(200)).body as MilestoneView[];
    const row = (id: string) => file.row(id, 'Jalons');
    row(first.id).getCell(file.col('Atteint le', 'Jalons')).value = '02/01/2026';
    row(second.id).getCell(file.col('Date', 'Jalons')).value = new Date('2029-06-01T00:00:00Z');
    const res = await upload(await file.buffer(), 'jalons.xlsx', false).expect(200);
    const phases = (await http.get(`/api/roadmaps/${roadmap.id}`).expect(200)).body.phases as { id: string; start: string; end: string }[];
    const phaseOfJune2029 = phases.find((p) => p.start <= '2029-06-01' && '2029-06-01' <= p.end)!;
    const moves = phaseOfJune2029.id !== second.phaseId;
    expect(
      res.body.updates.map((u: { itemType: string; changes: { field: string }[] }) => [u.itemType, u.changes.map((c) => c.field)]),
    ).toEqual([
      ['milestone', ['achievedOn']],
      ['milestone', moves ? ['date', 'phase'] : ['date']],
    ]);
    expect((await http.get(`/api/milestones/${first.id}`).expect(200)).body).toMatchObject({
      achievedOn: '2026-01-02',
      version: first.version + 1,
    });
    expect((await http.get(`/api/milestones/${second.id}`).expect(200)).body).toMatchObject({
      date: '2029-06-01',
      phaseId: phaseOfJune2029.id,
      version: second.version + 1,
    });
  });

  it('refuses what is not an export: another type (415), too large (413), no file (400), no id column (422)', async () => {
    const pdf = await upload(Buffer.from('%PDF-1.4'), 'plan.pdf', true).expect(415);
    expect(pdf.body.message).toMatch(/ni un classeur XLSX ni un CSV/);
    const big = await upload(Buffer.alloc(5 * 1024 * 1024 + 1, 'a'), 'plan.csv', true).expect(413);
    expect(big.body.message).toMatch(/Le fichier dépasse 5 Mo/);
    const none = await http.post(`/api/roadmaps/${roadmap.id}/import?dryRun=true`).send({}).expect(400);
    expect(none.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('Joignez le fichier') }]);
    const other = await http.post(`/api/roadmaps/${roadmap.id}/import`).attach('fichier', Buffer.from('a'), 'a.csv').expect(400);
    expect(other.body.errors[0].field).toBe('file');
    const noId = await upload(Buffer.from('Action;Début\nX;01/01/2027\n'), 'vieux.csv', true).expect(422);
    expect(noId.body.message).toMatch(/n’a pas de colonne id ni version/);
    await http
      .post('/api/roadmaps/00000000-0000-4000-8000-000000000000/import?dryRun=true')
      .attach('file', await exported(), 'a.xlsx')
      .expect(404);
  });

  it('is refused to a function owner (403) before the file is read', async () => {
    const owner = await signIn(app, db, 'owner');
    await owner.post(`/api/roadmaps/${roadmap.id}/import?dryRun=true`).attach('file', Buffer.from('x'), 'a.csv').expect(403);
  });
});
