import { historyOf, historyProblems } from './write-history';
import type { SeedUpdate } from './write-history';

/** The history part of a roadmap file, with one action and one milestone of the kit. */
function file(
  updates: SeedUpdate[],
  items: Record<string, { status: 'en_cours' | 'terminee'; progress: number; comment?: string } | { achievedOn: string }> = {},
) {
  return {
    persons: [
      { key: 'lead', email: 'lead@brest.example' },
      { key: 'rh', email: 'rh@brest.example' },
    ],
    items,
    history: { since: '2025-03-03', updates },
  };
}
const kit = { actionKeys: new Set(['centrale.diagnostic-acteurs']), milestoneKeys: new Set(['centrale.diagnostic-restitue']) };
const step = (on: string, status: 'en_cours' | 'terminee', progress: number, by = 'lead'): SeedUpdate => ({
  item: 'centrale.diagnostic-acteurs',
  on,
  by,
  status,
  progress,
});

describe('the seed history (historyProblems, historyOf)', () => {
  it('accepts a chain of updates ending at the item’s state', () => {
    const f = file([step('2025-04-14', 'en_cours', 10), step('2025-10-30', 'terminee', 100)], {
      'centrale.diagnostic-acteurs': { status: 'terminee', progress: 100 },
    });
    expect(historyProblems(f, kit)).toEqual([]);
  });

  it('refuses a chain that ends elsewhere than the item’s state, naming the item and both states', () => {
    const f = file([step('2025-04-14', 'en_cours', 60)], { 'centrale.diagnostic-acteurs': { status: 'en_cours', progress: 70 } });
    expect(historyProblems(f, kit)).toEqual([
      {
        path: '/history/updates/0',
        problem: 'l’historique de « centrale.diagnostic-acteurs » finit à en_cours 60 %, l’élément est à en_cours 70 % dans items',
      },
    ]);
    // an item left out of items is « à lancer » at 0 %: a history that moves it must be refused
    expect(historyProblems(file([step('2025-04-14', 'en_cours', 10)]), kit)[0].problem).toContain('a_lancer 0 %');
  });

  it('refuses a milestone achieved on another day than items says, unknown items and persons, days out of order or before the start', () => {
    const m = (on: string, achievedOn: string): SeedUpdate => ({ item: 'centrale.diagnostic-restitue', on, by: 'lead', achievedOn });
    expect(
      historyProblems(file([m('2025-11-20', '2025-11-20')], { 'centrale.diagnostic-restitue': { achievedOn: '2025-11-21' } }), kit),
    ).toEqual([expect.objectContaining({ problem: expect.stringContaining('« centrale.diagnostic-restitue »') })]);
    const problems = historyProblems(
      file(
        [
          { item: 'centrale.inconnue', on: '2025-04-01', by: 'lead', status: 'en_cours', progress: 5 },
          step('2025-02-01', 'en_cours', 10, 'personne'),
          step('2025-02-01', 'terminee', 100),
        ],
        { 'centrale.diagnostic-acteurs': { status: 'terminee', progress: 100 } },
      ),
      kit,
    );
    expect(problems.map((p) => p.path)).toEqual([
      '/history/updates/0/item',
      '/history/updates/1/by',
      '/history/updates/1/on',
      '/history/updates/2/on',
      '/history/updates/2/on',
    ]);
  });

  it('refuses an update breaking the status rules (terminée below 100 %)', () => {
    const f = file([step('2025-04-14', 'terminee', 90)], { 'centrale.diagnostic-acteurs': { status: 'terminee', progress: 90 } });
    expect(historyProblems(f, kit)).toEqual([expect.objectContaining({ path: '/history/updates/0' })]);
  });

  it('gives the plan e-mails for person keys, the item’s comment on its last update without one', () => {
    const f = file([step('2025-04-14', 'en_cours', 10, 'rh'), step('2025-10-30', 'terminee', 100)], {
      'centrale.diagnostic-acteurs': { status: 'terminee', progress: 100, comment: 'Synthèse remise fin octobre.' },
    });
    expect(historyOf(f)?.updates).toEqual([
      expect.objectContaining({ byEmail: 'rh@brest.example', comment: undefined }),
      expect.objectContaining({ byEmail: 'lead@brest.example', comment: 'Synthèse remise fin octobre.' }),
    ]);
  });
});
