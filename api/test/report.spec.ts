import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import { addDays } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';
import type { ActionView, FunctionWithRollUpView, PhaseView, RoadmapSummaryView } from '@jalons/contract';
import type request from 'supertest';

import { ReportService, reportCliOptions, writeReportFile } from '../src/app/report';
import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/*
 * The council report on the seeded Brest roadmap, as an elected official downloads it: the PDF's
 * text read back with pdf-parse (in a process of its own), the web version, the paper sizes, the
 * English version, the parameters refused, and the CLI's function.
 */

const AT = '2026-12-31';
const COMMENT = 'Relance écrite envoyée aux deux opérateurs le 28 novembre (commentaire du test).';
const DECISION = 'Le comité arbitre en faveur d’un budget de données mutualisé (décision du test).';

/** supertest: keep the body as bytes */
const binary = (res: NodeJS.ReadableStream, done: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const asParser = binary as unknown as Parameters<ReturnType<ReturnType<typeof request>['get']>['parse']>[0];

interface PdfText {
  /** the text with every run of white space as one space (table cells wrap their words) */
  text: string;
  total: number;
  pages: Array<{ width: number; height: number }>;
}

/** The PDF's text and pages, read by pdf-parse in a process of its own (report-pdf-text.mjs). */
function pdfText(body: Buffer): PdfText {
  const out = JSON.parse(execFileSync(process.execPath, [join(__dirname, 'report-pdf-text.mjs')], { input: body }).toString('utf8'));
  return { ...out, text: (out.text as string).replace(/\s+/g, ' ') };
}

describe('the council report', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let elected: TestAgent;
  let lead: TestAgent;
  let roadmap: RoadmapSummaryView;
  let late: ActionView;
  let pdf: PdfText;

  const url = (query: string) => `/api/roadmaps/${roadmap.id}/report?${query}`;
  const get = (query: string, who: TestAgent = elected) => who.get(url(query)).buffer(true).parse(asParser);

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    elected = await signIn(app, db, 'elected');
    lead = await signIn(app, db, 'lead');
    [roadmap] = (await elected.get('/api/roadmaps').expect(200)).body;
    // our own late item's comment and our own decision (other tests' data is not relied on)
    const actions: ActionView[] = (await lead.get(`/api/roadmaps/${roadmap.id}/actions?at=${AT}`).expect(200)).body;
    late = actions.filter((a) => a.overdue).sort((a, b) => a.due.localeCompare(b.due))[0];
    await lead.patch(`/api/actions/${late.id}`).send({ version: late.version, comment: COMMENT }).expect(200);
    await lead.post(`/api/roadmaps/${roadmap.id}/decisions`).send({ date: '2026-11-25', kind: 'budget', text: DECISION }).expect(201);
    const res = await get(`at=${AT}&since=2026-11-01`).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="rapport-brest-2026-2032-${AT}.pdf"`);
    pdf = pdfText(res.body as Buffer);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('holds the four phases and the ten functions with their health, page numbers and the day in the footers', async () => {
    const phases: PhaseView[] = (await elected.get(`/api/roadmaps/${roadmap.id}?at=${AT}`).expect(200)).body.phases;
    const functions: FunctionWithRollUpView[] = (await elected.get(`/api/roadmaps/${roadmap.id}/functions?at=${AT}`).expect(200)).body;
    expect(phases.map((p) => p.name)).toHaveLength(4);
    for (const p of phases) expect(pdf.text).toContain(p.name);
    expect(functions.filter((f) => !f.central)).toHaveLength(10);
    for (const f of functions) expect(pdf.text).toContain(f.name);
    expect(pdf.text).toContain('Rapport au conseil');
    expect(pdf.text).toContain('Situation au 31/12/2026');
    expect(pdf.text).toMatch(/Santé de la feuille de route : (À l’heure|À surveiller|En retard)/);
    expect(pdf.total).toBeGreaterThan(2);
    for (let p = 1; p <= pdf.total; p++) expect(pdf.text).toContain(`Page ${p} / ${pdf.total}`);
    // A4 portrait by default
    expect(pdf.pages[0]).toEqual({ width: expect.closeTo(595.28, 1), height: expect.closeTo(841.89, 1) });
  });

  it('lists a late item with its last comment, and the decisions since the day asked', () => {
    expect(pdf.text).toContain('Ce qui est en retard');
    expect(pdf.text).toContain(late.title);
    expect(pdf.text).toContain(COMMENT);
    expect(pdf.text).toContain('Décisions depuis la dernière réunion');
    expect(pdf.text).toContain(DECISION);
    expect(pdf.text).toContain('Budget');
  });

  it('draws the S-curve and the actors’ map', () => {
    expect(pdf.text).toContain('Courbe en S : avancement prévu et réalisé');
    expect(pdf.text).not.toContain('La courbe n’est pas disponible.');
    expect(pdf.text).toMatch(/Prévu .*Réalisé/);
    expect(pdf.text).toContain('Carte des acteurs : maturité et ambition');
    expect(pdf.text).toMatch(/Leaders \(\d+\)/);
  });

  it('gives an accessible standalone web page with the same content', async () => {
    const res = await get(`at=${AT}&format=html&since=2026-11-01`).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`inline; filename="rapport-brest-2026-2032-${AT}.html"`);
    const html = (res.body as Buffer).toString('utf8');
    expect(html).toMatch(/^<!doctype html>\s*<html lang="fr">/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<h2 id="late">Ce qui est en retard</h2>');
    expect(html).toContain('<caption>Avancement par fonction</caption>');
    expect(html).toContain('<th scope="col">Santé</th>');
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="actors-map-title actors-map-desc"/);
    expect(html).toContain('<title id="actors-map-title">Carte des acteurs : maturité et ambition</title>');
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="s-curve-title s-curve-desc"/);
    expect(html).toMatch(/<desc id="s-curve-desc">Au \d\d\/\d\d\/\d{4} : réalisé [\d,]+ %, prévu [\d,]+ %.<\/desc>/);
    expect(html).toContain('<caption>Courbe en S : avancement prévu et réalisé</caption>');
    expect(html).toContain(DECISION);
    expect(html).toContain(COMMENT);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('lays A3 out in landscape', async () => {
    const a3 = pdfText((await get(`at=${AT}&paper=a3`).expect(200)).body as Buffer);
    expect(a3.pages[0]).toEqual({ width: expect.closeTo(1190.55, 1), height: expect.closeTo(841.89, 1) });
    expect(a3.total).toBeLessThanOrEqual(pdf.total);
  });

  it('speaks English with lang=en, the roadmap’s own texts as written', async () => {
    const en = pdfText((await get(`at=${AT}&lang=en&since=2026-11-01`).expect(200)).body as Buffer);
    for (const heading of ['Report to the council', 'At a glance', 'Progress by phase', 'Progress by function', 'What is late']) {
      expect(en.text).toContain(heading);
    }
    expect(en.text).toContain('Situation on 31 December 2026');
    expect(en.text).toContain(late.title);
    expect(en.text).toContain(DECISION);
    expect(en.text).not.toContain('Ce qui est en retard');
    const html = ((await get(`at=${AT}&lang=en&format=html`).expect(200)).body as Buffer).toString('utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2 id="phases">Progress by phase</h2>');
  });

  it('counts the slips against the latest baseline, a re-planned item with its days', async () => {
    await lead.post(`/api/roadmaps/${roadmap.id}/baselines`).send({ label: 'v1 — plan voté' }).expect(201);
    const actions: ActionView[] = (await lead.get(`/api/roadmaps/${roadmap.id}/actions?at=${AT}`).expect(200)).body;
    const later = actions.find((a) => a.due > '2027-06-01' && a.status === 'a_lancer')!;
    const due = addDays(later.due as IsoDate, 20);
    await lead.patch(`/api/actions/${later.id}`).send({ version: later.version, due, reason: 'Recrutement décalé (test)' }).expect(200);
    const text = pdfText((await get(`at=${AT}`).expect(200)).body as Buffer).text;
    expect(text).toContain('Référence v1 — v1 — plan voté');
    expect(text).toContain(later.title);
    expect(text).toContain('+20 j');
    expect(text).toContain('Glissements par fonction');
  });

  it('tells a past day as it was: its roll-ups are the replayed ones the overview shows for that day', async () => {
    const day = '2025-12-31';
    const past = (await elected.get(`/api/roadmaps/${roadmap.id}?at=${day}`).expect(200)).body;
    const data = await app.get(ReportService).data(roadmap.id, { at: day });
    expect(data.at).toBe(day);
    expect(data.headline.overall).toEqual(past.rollUp);
    expect(data.phases.map((p) => p.rollUp)).toEqual(past.phases.map((p: { rollUp: unknown }) => p.rollUp));
    expect(data.sinceFrom).not.toBe('asked');
    // v1 was frozen today (the test above): a report of 2025 is not compared with a plan frozen after its day
    expect(data.slips).toBeNull();
    // its S-curve stops on that day: nothing achieved after it is drawn
    expect(data.sCurve?.today).toBe(day);
    expect(data.sCurve?.points.filter((p) => p.date > day).every((p) => p.achieved === null)).toBe(true);
    expect(data.sCurve?.points.find((p) => p.date === day)?.achieved).toEqual(past.rollUp.progress);
    const html = ((await get(`at=${day}&format=html`).expect(200)).body as Buffer).toString('utf8');
    expect(html).toContain('Situation au 31/12/2025');
  });

  it('refuses bad parameters in the usual error shape (400 naming the field, 404, 422) and anonymous callers', async () => {
    const bad: Array<[string, string]> = [
      ['format=docx', 'format'],
      ['paper=a5', 'paper'],
      ['lang=de', 'lang'],
      ['at=2026-02-30', 'at'],
      ['since=hier', 'since'],
      ['baseline=v1', 'baseline'],
      ['color=red', 'color'],
    ];
    for (const [query, field] of bad) {
      const res = await elected.get(url(query)).expect(400);
      expect(res.body).toEqual(expect.objectContaining({ statusCode: 400, errors: [expect.objectContaining({ field })] }));
    }
    const later = await elected.get(url(`at=${AT}&since=2027-01-01`)).expect(400);
    expect(later.body.errors).toEqual([{ field: 'since', message: 'since doit être un jour au plus tard égal à at (2026-12-31).' }]);
    const other = await elected.get(url('baseline=00000000-0000-4000-8000-000000000000')).expect(422);
    expect(other.body.errors).toEqual([expect.objectContaining({ field: 'baseline' })]);
    await elected.get('/api/roadmaps/00000000-0000-4000-8000-000000000000/report').expect(404);
    expect((await elected.get('/api/roadmaps/brest/report').expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    const anonymous = (await import('supertest')).default(app.getHttpServer());
    await anonymous.get(url('')).expect(401);
  });

  describe('npm run report', () => {
    it('checks its options: the roadmap and the file are required, a bad day or choice is named', () => {
      expect(reportCliOptions({ roadmap: 'brest-2026-2032', out: 'rapport.pdf' })).toEqual({
        options: { roadmap: 'brest-2026-2032', out: 'rapport.pdf', format: 'pdf', paper: 'a4', lang: 'fr' },
      });
      expect(reportCliOptions({})).toEqual({ problems: [expect.stringContaining('--roadmap'), expect.stringContaining('--out')] });
      const wrong = reportCliOptions({ roadmap: 'x', out: 'y', at: '2026-13-01', format: 'doc', paper: 'a5', lang: 'de' });
      expect(reportCliOptions({ roadmap: 'x', out: 'y', at: '2026-12-31', since: '2027-01-01' })).toEqual({
        problems: ['--since must not be after --at (2027-01-01 > 2026-12-31)'],
      });
      expect('problems' in wrong && wrong.problems).toEqual([
        '--at must be a calendar day YYYY-MM-DD (got "2026-13-01")',
        '--format must be pdf or html',
        '--paper must be a4 (A4 portrait) or a3 (A3 landscape)',
        '--lang must be fr or en',
      ]);
    });

    it('writes the report of a roadmap named by its slug; an unknown roadmap is an error naming the known ones', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jalons-report-'));
      try {
        const service = app.get(ReportService);
        const parsed = reportCliOptions({ roadmap: 'brest-2026-2032', at: AT, out: join(dir, 'rapport.html'), format: 'html' });
        if (!('options' in parsed)) throw new Error('options refused');
        const written = await writeReportFile(service, parsed.options);
        expect(written.filename).toBe(`rapport-brest-2026-2032-${AT}.html`);
        expect(readFileSync(join(dir, 'rapport.html'), 'utf8')).toContain('Situation au 31/12/2026');
        await expect(writeReportFile(service, { ...parsed.options, roadmap: 'quimper-2032' })).rejects.toThrow(
          'Unknown roadmap "quimper-2032" (known: brest-2026-2032).',
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
