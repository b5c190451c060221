import ExcelJS from 'exceljs';

import {
  cellText,
  fold,
  parseDay,
  parseId,
  parseProgress,
  parseStatus,
  parseTitleList,
  parseVersion,
  unguard,
} from '../src/app/import/cells';
import { mapBook } from '../src/app/import/columns';
import { planImport } from '../src/app/import/plan';
import { fileKind, parseCsv, readCsv, readXlsx } from '../src/app/import/read-file';
import type { ImportState } from '../src/app/import/state';

const value = <T>(p: { value: T } | { error: string }): T | string => ('value' in p ? p.value : `ERROR ${p.error}`);
const refused = (p: { value: unknown } | { error: string }) => 'error' in p;

describe('import: reading a cell', () => {
  it('reads days as French dates, ISO dates, Excel serials and date cells', () => {
    expect(value(parseDay('05/03/2027'))).toBe('2027-03-05');
    expect(value(parseDay('5/3/2027'))).toBe('2027-03-05');
    expect(value(parseDay('05.03.2027'))).toBe('2027-03-05');
    expect(value(parseDay('2027-03-05'))).toBe('2027-03-05');
    expect(value(parseDay(45658))).toBe('2025-01-01'); // Excel's serial for 1 January 2025
    expect(value(parseDay(45658.75))).toBe('2025-01-01'); // a time of day does not move the day
    expect(value(parseDay(60))).toBe('1900-02-28'); // before Excel's phantom 29 February 1900
    expect(value(parseDay(new Date('2027-03-05T00:00:00Z')))).toBe('2027-03-05');
    expect(value(parseDay(null))).toBeNull();
    expect(value(parseDay('  '))).toBeNull();
  });

  it('refuses impossible days with a sentence naming what was written', () => {
    expect(value(parseDay('31/02/2027'))).toBe('ERROR « 31/02/2027 » n’est pas un jour du calendrier.');
    expect(value(parseDay('29/02/2027'))).toMatch(/n’est pas un jour du calendrier/);
    expect(value(parseDay('29/02/2028'))).toBe('2028-02-29');
    expect(value(parseDay('2027-13-01'))).toMatch(/n’est pas un jour du calendrier/);
    expect(value(parseDay('mars 2027'))).toBe('ERROR « mars 2027 » n’est pas une date : écrivez-la jj/mm/aaaa.');
    expect(refused(parseDay('01/01/3001'))).toBe(true);
    expect(refused(parseDay(0))).toBe(true);
    expect(refused(parseDay(true))).toBe(true);
  });

  it('reads progress as points, « 45 % », decimal commas and shares between 0 and 1', () => {
    expect(value(parseProgress(45))).toBe(45);
    expect(value(parseProgress('45'))).toBe(45);
    expect(value(parseProgress('45 %'))).toBe(45);
    expect(value(parseProgress('45\u202f%'))).toBe(45); // the narrow no-break space a French spreadsheet writes
    expect(value(parseProgress('45,0'))).toBe(45);
    expect(value(parseProgress('0,45'))).toBe(45);
    expect(value(parseProgress(0.45))).toBe(45);
    expect(value(parseProgress('0'))).toBe(0);
    expect(value(parseProgress(1))).toBe(1); // a whole number is points: 1 is 1 %
    expect(value(parseProgress('100 %'))).toBe(100);
  });

  it('refuses progress that is not a whole number from 0 to 100', () => {
    for (const bad of ['45,5', '101', '-1', 'beaucoup', '', null, '150 %']) {
      expect(value(parseProgress(bad))).toMatch(/^ERROR .*nombre entier de 0 à 100/);
    }
  });

  it('reads a status by its French label, whatever the case and accents, or by its code', () => {
    expect(value(parseStatus('Terminée'))).toBe('terminee');
    expect(value(parseStatus('TERMINEE'))).toBe('terminee');
    expect(value(parseStatus('à lancer'))).toBe('a_lancer');
    expect(value(parseStatus('en_cours'))).toBe('en_cours');
    expect(value(parseStatus('Bloquée '))).toBe('bloquee');
    expect(value(parseStatus('Finie'))).toMatch(/^ERROR Le statut « Finie » n’existe pas : choisissez parmi À lancer, En cours/);
  });

  it('reads ids, versions, title lists, and takes the CSV export’s formula guard off', () => {
    expect(value(parseId('0A3D6F5E-1111-4222-8333-444455556666'))).toBe('0a3d6f5e-1111-4222-8333-444455556666');
    expect(value(parseId(''))).toBeNull();
    expect(refused(parseId('12'))).toBe(true);
    expect(value(parseVersion(3))).toBe(3);
    expect(value(parseVersion('3'))).toBe(3);
    expect(refused(parseVersion('0'))).toBe(true);
    expect(refused(parseVersion(null))).toBe(true);
    expect(parseTitleList('Cadrer | Lancer  |  | Voter')).toEqual(['Cadrer', 'Lancer', 'Voter']);
    expect(parseTitleList(null)).toEqual([]);
    expect(unguard("'=SUM(1)")).toBe('=SUM(1)');
    expect(unguard("'bonjour")).toBe("'bonjour");
    expect(cellText(" '+33 ")).toBe('+33');
    expect(fold('  Élus   d’Été ')).toBe("elus d'ete");
  });
});

describe('import: reading a file', () => {
  it('tells XLSX from CSV by content and name, and refuses anything else', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(fileKind('plan.xlsx', zip)).toBe('xlsx');
    expect(fileKind('plan.csv', Buffer.from('a;b\n'))).toBe('csv');
    expect(() => fileKind('plan.pdf', Buffer.from('%PDF'))).toThrow(/ni un classeur XLSX ni un CSV/);
    expect(() => fileKind('plan.csv', zip)).toThrow(/ni un classeur XLSX ni un CSV/);
    expect(() => fileKind('plan.xlsx', Buffer.from('pas un zip'))).toThrow(/ni un classeur XLSX ni un CSV/);
  });

  it('parses CSV records with quotes, doubled quotes and line breaks, keeping each record’s first line', () => {
    const records = parseCsv('a;b;c\r\n"x;1";"dit ""oui""";"deux\nlignes"\r\n\r\nfin;;\r\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x;1', 'dit "oui"', 'deux\nlignes'] },
      { line: 5, fields: ['fin', '', ''] },
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('reads a CSV saved by a French Excel (Windows-1252) as well as UTF-8 with a BOM', () => {
    const latin1 = Buffer.from('Action;Échéance\nRéunir;05/03/2027\n', 'latin1');
    expect(readCsv(latin1)).toMatchObject({ header: ['Action', 'Échéance'], rows: [{ line: 2, cells: ['Réunir', '05/03/2027'] }] });
    const utf8 = Buffer.from('\uFEFFAction;Échéance\nRéunir;\n', 'utf8');
    expect(readCsv(utf8)).toMatchObject({ header: ['Action', 'Échéance'], rows: [{ line: 2, cells: ['Réunir', null] }] });
  });

  it('reads workbook cells as plain values: dates, rich text, formula results, percentage cells', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Actions');
    ws.addRow(['Action', 'Début', 'Avancement %', 'Échéance']);
    ws.addRow([
      { richText: [{ text: 'Réunir ' }, { text: 'les élus' }] },
      new Date('2027-03-05T00:00:00Z'),
      0.45,
      { formula: 'B2+1', result: 46000 },
    ]);
    ws.getCell('C2').numFmt = '0%';
    const [sheet] = await readXlsx(Buffer.from(await book.xlsx.writeBuffer()));
    expect(sheet.header).toEqual(['Action', 'Début', 'Avancement %', 'Échéance']);
    expect(sheet.rows).toHaveLength(1);
    const [title, start, progress, due] = sheet.rows[0].cells;
    expect(title).toBe('Réunir les élus');
    expect(value(parseDay(start))).toBe('2027-03-05');
    expect(value(parseProgress(progress))).toBe(45);
    expect(value(parseDay(due))).toBe('2025-12-09');
  });

  it('refuses a sheet without id and version columns (every row would be created again)', () => {
    const sheet = { name: 'Actions', header: ['Action', 'Début'], rows: [] };
    expect(() => mapBook([sheet], false)).toThrow(/n’a pas de colonne id ni version/);
  });

  it('ignores unknown columns and other sheets with a warning, the computed ones silently', () => {
    const book = mapBook(
      [
        { name: 'Synthèse', header: ['Niveau'], rows: [] },
        { name: 'Actions', header: ['Action', 'Santé', 'Phase', 'Mon commentaire', 'id', 'version'], rows: [] },
        { name: 'Notes', header: ['x'], rows: [] },
      ],
      false,
    );
    expect(book.warnings).toEqual([
      'Feuille « Actions » : la colonne « Mon commentaire » est inconnue, elle est ignorée.',
      'La feuille « Notes » est ignorée : seules « Actions » et « Jalons » sont importées.',
    ]);
    expect(book.actions?.labels).toEqual({ title: 'Action', id: 'id', version: 'version' });
    expect(book.milestones).toBeNull();
  });
});

describe('import: the plan against a roadmap', () => {
  const A = '00000000-0000-4000-8000-00000000000a';
  const B = '00000000-0000-4000-8000-00000000000b';
  const state: ImportState = {
    roadmap: { id: 'r', start: '2026-01-01', end: '2028-12-31' },
    today: '2027-01-15',
    phases: [
      { id: 'p1', name: 'Amorçage', start: '2026-01-01', end: '2026-12-31' },
      { id: 'p2', name: 'Déploiement', start: '2027-01-01', end: '2028-12-31' },
    ],
    functions: [
      {
        id: 'f1',
        code: 'centrale',
        name: 'Pilotage',
        central: true,
        volets: [{ code: 'technique', name: 'Volet technique' }],
        ownerId: 'u1',
      },
      { id: 'f2', code: 'juridique', name: 'Juridique', central: false, volets: [], ownerId: null },
    ],
    persons: [
      { id: 'u1', name: 'Anne Le Goff', email: 'anne@x.example', active: true },
      { id: 'u2', name: 'Yves Morvan', email: 'yves@x.example', active: false },
    ],
    actions: [
      {
        id: A,
        version: 2,
        functionId: 'f1',
        phaseId: 'p1',
        title: 'Cadrer',
        description: '',
        volet: null,
        start: '2026-03-01',
        due: '2026-06-30',
        status: 'en_cours',
        progress: 40,
        ownerId: 'u1',
        predecessorIds: [],
      },
      {
        id: B,
        version: 5,
        functionId: 'f2',
        phaseId: 'p1',
        title: 'Rédiger',
        description: '',
        volet: null,
        start: '2026-07-01',
        due: '2026-09-30',
        status: 'a_lancer',
        progress: 0,
        ownerId: null,
        predecessorIds: [A],
      },
    ],
    milestones: [],
  };
  const HEADER = [
    'Fonction',
    'Action',
    'Volet',
    'Début',
    'Échéance',
    'Statut',
    'Avancement %',
    'Responsable',
    'Actions précédentes',
    'id',
    'version',
  ];
  const plan = (...rows: unknown[][]) =>
    planImport(
      mapBook([{ name: 'Actions', header: HEADER, rows: rows.map((cells, i) => ({ line: i + 2, cells: cells as never })) }], false),
      state,
    );
  const rowA = ['Pilotage', 'Cadrer', '', '01/03/2026', '30/06/2026', 'En cours', 40, 'Anne Le Goff', '', A, 2];
  const rowB = ['Juridique', 'Rédiger', '', '01/07/2026', '30/09/2026', 'À lancer', 0, '', 'Cadrer', B, 5];

  it('finds nothing to do in the file as exported', () => {
    const p = plan(rowA, rowB);
    expect(p.view).toMatchObject({ updates: [], creations: [], refused: [], conflicts: [], unchanged: 2, canApply: false });
  });

  it('lists an update field by field, the derived phase included, with the history lines the service would write', () => {
    const p = plan(
      ['Pilotage', 'Cadrer le projet', 'technique', '01/02/2027', '30/06/2027', 'En cours', '45 %', 'anne@x.example', '', A, 2],
      rowB,
    );
    expect(p.view.updates).toHaveLength(1);
    expect(p.view.updates[0].changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['title', 'Cadrer', 'Cadrer le projet'],
      ['volet', null, 'technique'],
      ['start', '2026-03-01', '2027-02-01'],
      ['due', '2026-06-30', '2027-06-30'],
      ['progress', '40 %', '45 %'],
      ['phase', 'Amorçage', 'Déploiement'],
    ]);
    expect(p.actions[0].history).toContainEqual(['progress', 40, 45]);
    expect(p.view.canApply).toBe(true);
  });

  it('creates a row without an id, with the function’s owner and a predecessor named by title', () => {
    const p = plan(rowA, rowB, ['Juridique', 'Voter', '', '01/10/2026', '31/10/2026', '', '', '', 'Rédiger', '', '']);
    // the status cell is empty: refused, a new action's status must be written or the column left out
    expect(p.view.refused[0].reasons).toEqual([
      'Statut : Le statut est vide : choisissez parmi À lancer, En cours, Bloquée, Terminée, Abandonnée.',
      expect.stringContaining('Avancement %'),
    ]);
    const ok = plan(rowA, rowB, ['Juridique', 'Voter', '', '01/10/2026', '31/10/2026', 'À lancer', 0, '', 'Rédiger', '', '']);
    expect(ok.view.creations).toHaveLength(1);
    expect(ok.view.creations[0]).toMatchObject({ line: 4, title: 'Voter' });
    expect(ok.actions[0]).toMatchObject({ id: null, addPredecessors: [B], history: [['created', null, 'a_lancer 0 %']] });
  });

  it('refuses rows breaking the rules, each reason under its column, and never plans them', () => {
    const p = plan(
      ['Juridique', 'Cadrer', 'technique', '01/03/2026', '31/02/2027', 'Terminée', 60, 'Yves Morvan', '', A, 2],
      ['Inconnue', 'Rédiger', '', '01/07/2026', '30/09/2026', 'À lancer', 0, 'Personne', 'Cadrer | Fantôme', B, 5],
    );
    expect(p.view.refused.map((r) => [r.line, r.reasons])).toEqual([
      [
        2,
        [
          'Échéance : « 31/02/2027 » n’est pas un jour du calendrier.',
          'Avancement % : Une action terminée est à 100 %.',
          'Volet : Seules les actions de la fonction centrale portent un volet.',
          'Responsable : Ce compte est désactivé : choisissez une personne active.',
        ],
      ],
      [
        3,
        [
          'Fonction : La fonction « Inconnue » n’existe pas dans cette feuille de route.',
          'Responsable : Personne ne s’appelle « Personne » parmi les comptes de Jalons (écrivez son nom ou son e-mail).',
        ],
      ],
    ]);
    expect(p.actions).toEqual([]);
    expect(p.view.canApply).toBe(false);
  });

  it('reports a changed row whose version moved since the export as a conflict, an untouched one as unchanged', () => {
    const stale = plan(
      ['Pilotage', 'Cadrer', '', '01/03/2026', '30/06/2026', 'En cours', 50, 'Anne Le Goff', '', A, 1],
      [...rowB.slice(0, 10), 4],
    );
    expect(stale.view.conflicts).toEqual([
      { itemType: 'action', sheet: 'Actions', line: 2, title: 'Cadrer', id: A, fileVersion: 1, currentVersion: 2 },
    ]);
    expect(stale.view.unchanged).toBe(1);
    expect(stale.view.canApply).toBe(false);
  });

  it('refuses predecessors that would close a cycle, naming it', () => {
    const p = plan([...rowA.slice(0, 8), 'Rédiger', A, 2], rowB);
    expect(p.view.refused.map((r) => r.reasons)).toEqual([
      ['Actions précédentes : ces actions précédentes formeraient un cycle : « Rédiger » → « Cadrer » → « Rédiger ».'],
      ['Actions précédentes : ces actions précédentes formeraient un cycle : « Rédiger » → « Cadrer » → « Rédiger ».'],
    ]);
  });
});
