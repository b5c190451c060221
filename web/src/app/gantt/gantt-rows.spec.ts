import { STATUS_LABELS } from '../shared/labels';
import { escapeHtml, safeColor, tint } from './gantt-format';
import { actionLook } from './gantt-item-rows';
import { buildRows, GanttRow } from './gantt-rows';
import { buildTasks } from './gantt-tasks';
import { chartSummary, popupParts } from './gantt-texts';
import { aChronogram, anAction } from './testing/chronogram';

const NONE: ReadonlySet<string> = new Set();

function describeRows(rows: GanttRow[]): string[] {
  return rows.map((r) =>
    r.kind === 'group' ? `# ${r.name} (${r.progress} %, ${r.itemCount})` : `${r.kind === 'milestone' ? '◆' : '-'} ${r.title}`,
  );
}

describe('buildRows', () => {
  it('groups items under a header per function, in function order, items by date', () => {
    expect(describeRows(buildRows(aChronogram(), NONE))).toEqual([
      '# Éthique (42 %, 4)',
      '- Diagnostic des données',
      '- Rédiger la charte éthique',
      '- Installer le comité d’éthique',
      '◆ Charte adoptée', // same day as "Installer…": actions first
      '# Juridique (8 %, 3)',
      '- Ancienne convention',
      '- Registre RGPD',
      '◆ Registre ouvert',
    ]);
  });

  it('keeps the header of a collapsed function and hides its items', () => {
    expect(describeRows(buildRows(aChronogram(), new Set(['fn-ethique'])))).toEqual([
      '# Éthique (42 %, 4)',
      '# Juridique (8 %, 3)',
      '- Ancienne convention',
      '- Registre RGPD',
      '◆ Registre ouvert',
    ]);
    const [ethique] = buildRows(aChronogram(), new Set(['fn-ethique']));
    expect(ethique).toMatchObject({
      kind: 'group',
      collapsed: true,
      span: { start: '2025-09-01', due: '2026-09-30' },
    });
  });

  it('says who owns each item and its status in French', () => {
    const rows = buildRows(aChronogram(), NONE);
    const items = rows.flatMap((r) => (r.kind === 'group' ? [] : [r]));
    const meta = Object.fromEntries(items.map((r) => [r.title, r.meta]));
    expect(meta).toEqual({
      'Diagnostic des données': 'Camille Le Goff · Terminée',
      'Rédiger la charte éthique': 'Soizic Le Bihan · En cours',
      'Installer le comité d’éthique': 'Camille Le Goff · À lancer',
      'Charte adoptée': 'Jalon du 01/07/2026 · À venir',
      'Ancienne convention': 'Sans responsable · Abandonnée',
      'Registre RGPD': 'Yann Kerouac · Bloquée · En retard',
      'Registre ouvert': 'Jalon du 01/05/2026 · En retard',
    });
    expect(Object.values(STATUS_LABELS)).toEqual(['À lancer', 'En cours', 'Bloquée', 'Terminée', 'Abandonnée']);
  });

  it('skips items of functions not in the chronogram', () => {
    const view = aChronogram();
    view.actions.push(anAction({ functionId: 'fn-ailleurs', title: 'Orpheline' }));
    expect(describeRows(buildRows(view, NONE))).not.toContain('- Orpheline');
  });
});

describe('actionLook', () => {
  const at = '2026-06-15';
  it.each([
    [{ status: 'terminee' as const, due: '2026-01-01' }, 'done'],
    [{ status: 'abandonnee' as const, due: '2026-01-01' }, 'abandoned'],
    [{ status: 'en_cours' as const, due: '2026-06-01', progress: 90 }, 'late'], // overdue
    [{ status: 'bloquee' as const, due: '2026-12-31', progress: 45 }, 'blocked'], // on schedule, but blocked
    [{ status: 'bloquee' as const, due: '2026-06-01', progress: 10 }, 'late'],
    [
      {
        status: 'en_cours' as const,
        start: '2026-06-01',
        due: '2026-06-30',
        progress: 30,
      },
      'at-risk',
    ],
    [
      {
        status: 'en_cours' as const,
        start: '2026-06-01',
        due: '2026-06-30',
        progress: 50,
      },
      'normal',
    ],
  ])('%o → %s', (overrides, look) => {
    expect(actionLook(anAction({ start: '2026-01-01', progress: 0, ...overrides }), at)).toBe(look);
  });
});

describe('buildTasks', () => {
  const view = aChronogram();
  const rows = buildRows(view, NONE);
  const tasks = buildTasks(rows, view.roadmap.start);

  it('makes one task per row, in the same order (task i is drawn on row i)', () => {
    expect(tasks.map((t) => t.id)).toEqual(rows.map((r) => r.taskId));
  });

  it('colours by function and styles by state, with the progress as the label', () => {
    const byId = Object.fromEntries(tasks.map((t) => [t.id, t]));
    expect(byId['a-a-charte']).toMatchObject({
      start: '2026-03-16',
      end: '2026-06-30',
      progress: 80,
      name: '80\u202f%',
      custom_class: 'jl-bar--normal',
      color: tint('#6a3d9a'),
      color_progress: '#6a3d9a',
      dependencies: [],
    });
    expect(byId['a-a-comite'].dependencies).toEqual(['a-a-charte']);
    expect(byId['a-a-diag']).toMatchObject({
      custom_class: 'jl-bar--done',
      name: '✓ 100\u202f%',
    });
    expect(byId['a-a-rgpd'].custom_class).toBe('jl-bar--late');
    expect(byId['a-a-old'].custom_class).toBe('jl-bar--abandoned');
    expect(byId['m-m-charte']).toMatchObject({
      start: '2026-07-01',
      end: '2026-07-01',
      custom_class: 'jl-ms--upcoming',
    });
    expect(byId['g-fn-ethique']).toMatchObject({
      start: '2025-09-01',
      end: '2026-09-30',
      custom_class: 'jl-bar--group',
      progress: 42,
    });
    // frappe adds a custom_class with classList.add: one token, never a space
    for (const t of tasks) expect(t.custom_class).toMatch(/^[\w-]+$/);
  });

  it('drops a dependency whose predecessor is hidden (frappe throws on a missing bar)', () => {
    // "Installer le comité" moved to Juridique; Éthique (with the predecessor) collapsed
    const across = {
      ...view,
      actions: view.actions.map((a) => (a.id === 'a-comite' ? { ...a, functionId: 'fn-juridique' } : a)),
    };
    const shown = buildTasks(buildRows(across, NONE), view.roadmap.start);
    const hidden = buildTasks(buildRows(across, new Set(['fn-ethique'])), view.roadmap.start);
    expect(shown.find((t) => t.id === 'a-a-comite')?.dependencies).toEqual(['a-a-charte']);
    expect(hidden.find((t) => t.id === 'a-a-comite')?.dependencies).toEqual([]);
  });

  it('returns fresh objects every time (frappe writes into its tasks while dragging)', () => {
    const again = buildTasks(rows, view.roadmap.start);
    expect(again).toEqual(tasks);
    expect(again[1]).not.toBe(tasks[1]);
    expect(again[2].dependencies).not.toBe(tasks[2].dependencies);
  });

  it('keeps a row for an item due before it starts (frappe would drop the task and shift every row below)', () => {
    const bad = aChronogram({
      actions: [anAction({ id: 'x', start: '2026-05-10', due: '2026-05-01' })],
      milestones: [],
    });
    const badTasks = buildTasks(buildRows(bad, NONE), bad.roadmap.start);
    expect(badTasks.find((t) => t.id === 'a-x')).toMatchObject({
      start: '2026-05-10',
      end: '2026-05-10',
    });
  });

  it('escapes what frappe writes with innerHTML', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('makes ids safe for the CSS selectors frappe builds from them', () => {
    const odd = aChronogram({
      actions: [anAction({ id: 'a.b:c d' })],
      milestones: [],
    });
    const [, row] = buildRows(odd, NONE);
    expect(row.taskId).toBe('a-a_b_c_d');
  });
});

describe('colours', () => {
  it('accepts #rgb and #rrggbb only', () => {
    expect(safeColor('#ABC')).toBe('#abc');
    expect(safeColor('red; background: url(x)')).toBe('#5b6472');
    expect(tint('#000000', 0.5)).toBe('#808080');
    expect(tint('#fff')).toBe('#ffffff');
  });
});

describe('texts', () => {
  it('summarises the chart for a screen reader', () => {
    expect(chartSummary(aChronogram())).toBe(
      'Chronogramme : 5 actions dont 1 en retard, 2 jalons dont 1 en retard, du 01/09/2025 au 31/03/2028',
    );
    expect(chartSummary(aChronogram({ actions: [anAction({ progress: 90 })], milestones: [] }))).toMatch(
      /^Chronogramme : 1 action, 0 jalon,/,
    );
  });

  it('writes the hover card in French, escaped', () => {
    const view = aChronogram();
    view.actions[0] = { ...view.actions[0], title: 'Charte <b>éthique</b>' };
    const row = buildRows(view, NONE).find((r) => r.kind === 'action' && r.id === 'a-charte');
    if (!row) throw new Error('row');
    expect(popupParts(row, 'Éthique')).toEqual({
      title: 'Charte &lt;b&gt;éthique&lt;/b&gt;',
      subtitle: 'Éthique · En cours',
      details: 'Du 16/03/2026 au 30/06/2026 (107 jours)<br>Avancement : 80\u202f%<br>Responsable : Soizic Le Bihan<br>Santé : À l’heure',
    });
  });
});
