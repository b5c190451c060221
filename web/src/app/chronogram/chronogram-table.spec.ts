import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { provideFrenchLocale } from '../locale';
import { aChronogram, aChronogramAction, aChronogramMilestone, aFunction, aPerson } from '../testing/factories';
import { must, text } from '../testing/dom';
import { EN } from '../i18n/en';
import { Translate, french, translator } from '../i18n/i18n';
import { MILESTONE_STATE_LABELS } from '../shared/labels';
import { ChronogramTable, FIRST_ROWS, tableGroups } from './chronogram-table';

function cells(row: Element): string[] {
  return Array.from(row.querySelectorAll('th, td')).map((c) => text(c));
}

describe('ChronogramTable', () => {
  let fixture: ComponentFixture<ChronogramTable>;
  let table: HTMLTableElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ChronogramTable],
      providers: [provideRouter([]), provideFrenchLocale()],
    });
    fixture = TestBed.createComponent(ChronogramTable);
    // at = 2024-05-01 (aRoadmap); the API's order of functions must not matter
    fixture.componentRef.setInput(
      'chronogram',
      aChronogram({
        functions: [
          aFunction({
            id: 'fn-ethique',
            name: 'Éthique',
            order: 1,
            owner: aPerson({ id: 'p-2', name: 'Soizic Le Bihan' }),
          }),
          aFunction({
            id: 'fn-centrale',
            name: 'Fonction centrale',
            order: 0,
            owner: null,
          }),
        ],
        actions: [
          aChronogramAction({
            id: 'act-late',
            functionId: 'fn-ethique',
            title: 'Rédiger la charte éthique',
            start: '2024-02-01',
            due: '2024-04-30',
            status: 'en_cours',
            progress: 60,
            ownerId: 'p-2',
          }),
          aChronogramAction({
            id: 'act-done',
            functionId: 'fn-centrale',
            title: 'Acculturer la direction générale',
            start: '2024-01-01',
            due: '2024-03-31',
            status: 'terminee',
            progress: 100,
            ownerId: 'p-1',
          }),
          aChronogramAction({
            id: 'act-todo',
            functionId: 'fn-centrale',
            title: 'Nommer l’administrateur des données',
            start: '2024-06-01',
            due: '2024-09-30',
            status: 'a_lancer',
            progress: 0,
            ownerId: null,
          }),
        ],
        milestones: [
          aChronogramMilestone({
            id: 'ms-1',
            functionId: 'fn-ethique',
            title: 'Comité d’éthique installé',
            date: '2024-05-20',
            state: 'upcoming',
          }),
        ],
      }),
    );
    fixture.detectChanges();
    await fixture.whenStable();
    table = must((fixture.nativeElement as HTMLElement).querySelector('table'));
  });

  it('has a caption and column headers a screen reader announces', () => {
    expect(text(table.querySelector('caption'))).toBe(
      'Actions et jalons de Ville et Métropole de Brest (Mandat 2026–2032), groupés par fonction ; santé calculée au 01/05/2024',
    );
    const headers = Array.from(table.querySelectorAll('thead th'));
    expect(headers.map(text)).toEqual(['Élément', 'Type', 'Début', 'Échéance / date', 'Statut', 'Avancement', 'Santé', 'Responsable']);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
  });

  it('groups the rows by function, in the functions’ order, each under a row-group header', () => {
    const groups = Array.from(table.querySelectorAll('tbody'));
    expect(groups.length).toBe(2);
    const groupHeaders = groups.map((g) => g.querySelector('th[scope="rowgroup"]'));
    expect(groupHeaders.map(text)).toEqual(['Fonction centrale (2 éléments)', 'Éthique (2 éléments)']);
    expect(groupHeaders.every((h) => h?.getAttribute('colspan') === '8')).toBe(true);
  });

  it('writes each item’s type, fr-FR dates, status, progress, health and owner in words', () => {
    const rows = Array.from(table.querySelectorAll('tbody tr'))
      .filter((r) => !r.querySelector('th[scope="rowgroup"]'))
      .map(cells);
    expect(rows).toEqual([
      ['Acculturer la direction générale', 'Action', '01/01/2024', '31/03/2024', 'Terminée', '100 %', 'À l’heure', 'Camille Le Goff'],
      ['Nommer l’administrateur des données', 'Action', '01/06/2024', '30/09/2024', 'À lancer', '0 %', 'À l’heure', '—'],
      [
        'Rédiger la charte éthique',
        'Action',
        '01/02/2024',
        '30/04/2024',
        'En cours',
        '60 %',
        'En retard', // due the day before `at`
        'Soizic Le Bihan',
      ],
      ['Comité d’éthique installé', 'Jalon', '—', '20/05/2024', 'À venir', '—', 'À l’heure', 'Soizic Le Bihan'],
    ]);
  });

  it('links each title to its detail page, as a row header', () => {
    const links = Array.from(table.querySelectorAll<HTMLAnchorElement>('tbody th[scope="row"] a')).map((a) => [
      text(a),
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Acculturer la direction générale', '/r/brest-2026-2032/actions/act-done'],
      ['Nommer l’administrateur des données', '/r/brest-2026-2032/actions/act-todo'],
      ['Rédiger la charte éthique', '/r/brest-2026-2032/actions/act-late'],
      ['Comité d’éthique installé', '/r/brest-2026-2032/jalons/ms-1'],
    ]);
  });

  it('adds a « Glissement » column against the baseline the page chose: days later or earlier, « nouveau » when it had no such item', async () => {
    const view = fixture.componentInstance.chronogram();
    fixture.componentRef.setInput('chronogram', {
      ...view,
      baseline: {
        id: 'bl-1',
        number: 1,
        label: 'v1 — plan voté',
        decision: null,
        items: [
          { type: 'action', id: 'act-done', title: 'Acculturer la direction générale', start: '2024-01-01', due: '2024-03-19' },
          { type: 'action', id: 'act-late', title: 'Rédiger la charte éthique', start: '2024-02-01', due: '2024-05-05' },
          { type: 'milestone', id: 'ms-1', title: 'Comité d’éthique installé', start: null, due: '2024-05-20' },
        ],
      },
    });
    await fixture.whenStable();
    const headers = Array.from(table.querySelectorAll('thead th')).map(text);
    expect(headers[8]).toBe('Glissement (par rapport à la ligne de base v1)');
    const slips = Array.from(table.querySelectorAll('tbody tr'))
      .filter((r) => !r.querySelector('th[scope="rowgroup"]'))
      .map((r) => [text(r.querySelector('th')), text(r.querySelector('[data-testid="slip"]'))]);
    expect(slips).toEqual([
      ['Acculturer la direction générale', '+12 j'],
      ['Nommer l’administrateur des données', 'nouveau'],
      ['Rédiger la charte éthique', '−5 j'],
      ['Comité d’éthique installé', '0 j'],
    ]);
    expect(table.querySelector('th[scope="rowgroup"]')?.getAttribute('colspan')).toBe('9');
  });

  it('opens with its first rows and adds the others a batch at a time, busy until all are there (ADR 0028)', async () => {
    const view = fixture.componentInstance.chronogram();
    const actions = Array.from({ length: 250 }, (_, i) =>
      aChronogramAction({
        id: `many-${i}`,
        functionId: 'fn-ethique',
        title: `Action ${String(i).padStart(3, '0')}`,
        start: '2024-02-01',
        due: '2024-04-30',
      }),
    );
    fixture.componentRef.setInput('chronogram', { ...view, actions, milestones: [] });
    await fixture.whenStable();
    const region = must(fixture.nativeElement.querySelector('[role="region"]'));
    const itemRows = (): number => table.querySelectorAll('tbody th[scope="row"]').length;
    expect(itemRows()).toBeLessThanOrEqual(FIRST_ROWS);
    expect(region.getAttribute('aria-busy')).toBe('true');
    // the group's heading counts all its items from the first rows, not those drawn so far
    const headings = (): string[] => Array.from(table.querySelectorAll('th[scope="rowgroup"]')).map(text);
    expect(headings()).toEqual(['Fonction centrale (0 élément)', 'Éthique (250 éléments)']);
    for (let i = 0; i < 200 && itemRows() < 250; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    }
    expect(itemRows()).toBe(250);
    expect(region.getAttribute('aria-busy')).toBe('false');
    // in order, the last one last
    expect(text(Array.from(table.querySelectorAll('tbody th[scope="row"]')).pop() ?? null)).toContain('Action 249');
  });
});

describe('tableGroups', () => {
  // two functions whose items come interleaved, as the API may send them; at = 2024-05-01 (aRoadmap)
  const view = aChronogram({
    functions: [aFunction({ id: 'fn-b', name: 'B', order: 1 }), aFunction({ id: 'fn-a', name: 'A', order: 0 })],
    actions: [
      aChronogramAction({ id: 'b-2', functionId: 'fn-b', title: 'B deux', start: '2024-03-01', due: '2024-04-30', status: 'en_cours' }),
      aChronogramAction({ id: 'a-1', functionId: 'fn-a', title: 'A un', start: '2024-01-01', due: '2024-02-01', status: 'terminee' }),
      aChronogramAction({ id: 'b-1', functionId: 'fn-b', title: 'B un', start: '2024-01-15', due: '2024-09-30', status: 'a_lancer' }),
    ],
    milestones: [aChronogramMilestone({ id: 'm-a', functionId: 'fn-a', title: 'Jalon A', date: '2024-06-01', state: 'upcoming' })],
  });

  it('groups the items by function, in the functions’ order, each group by date', () => {
    const groups = tableGroups(view);
    expect(groups.map((g) => [g.name, g.rows.map((r) => r.id)])).toEqual([
      ['A', ['a-1', 'm-a']],
      ['B', ['b-1', 'b-2']],
    ]);
  });

  it('builds a group’s rows when they are first read, once: the table opens on its first rows, not on all', () => {
    const asked: string[] = [];
    const t: Translate = Object.assign((key: string) => (asked.push(key), french(key)), { lang: 'fr' as const });
    const groups = tableGroups(view, t);
    // the counts need no row
    expect(groups.map((g) => [g.name, g.count])).toEqual([
      ['A', 2],
      ['B', 2],
    ]);
    expect(asked).toEqual([]);
    // the first group's rows: its words only (an action « Terminée », a milestone « À venir »)
    expect(groups[0].rows.map((r) => r.id)).toEqual(['a-1', 'm-a']);
    const forFirst = [...asked];
    expect(forFirst).toContain('Terminée');
    expect(forFirst).not.toContain('À lancer');
    // read again, the same rows, not built again
    expect(groups[0].rows).toBe(groups[0].rows);
    expect(asked).toEqual(forFirst);
    // the second group's when read
    expect(groups[1].rows.map((r) => r.status)).toEqual(['À lancer', 'En cours']);
    expect(asked).toContain('À lancer');
  });

  it('writes its words in the language asked, each call in its own', () => {
    const words = (t: Translate) => tableGroups(view, t).flatMap((g) => g.rows.map((r) => [r.id, r.type, r.status, r.health]));
    expect(words(translator('en', EN))).toEqual([
      ['a-1', 'Action', 'Done', 'On track'],
      ['m-a', 'Milestone', translator('en', EN)(MILESTONE_STATE_LABELS.upcoming), 'On track'],
      ['b-1', 'Action', 'Not started', 'On track'],
      ['b-2', 'Action', 'In progress', 'Late'],
    ]);
    expect(words(french)).toEqual([
      ['a-1', 'Action', 'Terminée', 'À l’heure'],
      ['m-a', 'Jalon', MILESTONE_STATE_LABELS.upcoming, 'À l’heure'],
      ['b-1', 'Action', 'À lancer', 'À l’heure'],
      ['b-2', 'Action', 'En cours', 'En retard'],
    ]);
  });
});
