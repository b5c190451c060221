import { HttpTestingController } from '@angular/common/http/testing';

import { aMilestone, aPerson, aRecentChange, aRoadmap, anAction } from '../testing/factories';
import { CENTRALE, ETHIQUE, OverviewPageHarness, text } from './testing/overview-page-harness';

// What is late, the next milestones, the latest changes.
describe('OverviewPage', () => {
  let harness: OverviewPageHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    harness = new OverviewPageHarness();
    http = harness.http;
  });

  afterEach(() => http.verify());

  async function openFirstRoadmap(...args: Parameters<OverviewPageHarness['openFirstRoadmap']>): Promise<void> {
    const answered = harness.openFirstRoadmap(...args);
    page = harness.page;
    await answered;
  }

  const rowsOf = (testid: string): string[][] => harness.rowsOf(testid);
  const linksOf = (testid: string): (string | null)[] => harness.linksOf(testid);

  describe('what is late', () => {
    it('lists late actions and milestones, most overdue first, with the count in the heading', async () => {
      await openFirstRoadmap(aRoadmap(), [ETHIQUE, CENTRALE], {
        actions: [
          anAction({
            id: 'act-1',
            title: 'Installer le comité d’éthique',
            functionId: 'fn-ethique',
            due: '2024-04-20',
            status: 'en_cours',
            progress: 50,
            overdue: true,
          }),
          anAction({
            id: 'act-2',
            title: 'Nommer le ou la DPO',
            functionId: 'fn-centrale',
            due: '2024-03-01',
            status: 'bloquee',
            progress: 12.5,
            owner: null,
            overdue: true,
          }),
        ],
        milestones: [
          aMilestone({
            id: 'ms-1',
            title: 'Charte éthique votée',
            functionId: 'fn-ethique',
            date: '2024-04-30',
            state: 'late',
          }),
          // upcoming: not late
          aMilestone({ id: 'ms-2', date: '2024-05-01', state: 'upcoming' }),
        ],
      });

      expect(text(page.querySelector('#titre-retard'))).toBe('En retard (3)');
      expect(rowsOf('late')).toEqual([
        ['Action Nommer le ou la DPO', 'Fonction centrale', '01/03/2024', '61 jours', 'À désigner', 'Bloquée, 12,5 %'],
        ['Action Installer le comité d’éthique', 'Éthique', '20/04/2024', '11 jours', 'Soizic Le Bihan', 'En cours, 50 %'],
        [
          'Jalon Charte éthique votée',
          'Éthique',
          '30/04/2024',
          '1 jour',
          // a milestone answers to its function's référent·e
          'Soizic Le Bihan',
          'Non atteint',
        ],
      ]);
      expect(linksOf('late')).toEqual([
        '/r/brest-2026-2032/actions/act-2',
        '/r/brest-2026-2032/actions/act-1',
        '/r/brest-2026-2032/jalons/ms-1',
      ]);
    });

    it('says so when nothing is late', async () => {
      await openFirstRoadmap();
      const section = page.querySelector('[data-testid="late-section"]');
      expect(text(section?.querySelector('h2'))).toBe('En retard (0)');
      expect(text(section)).toContain('Rien n’est en retard.');
      expect(section?.querySelector('table')).toBeNull();
    });
  });

  describe('the next milestones', () => {
    it('groups the unachieved milestones of the next 30 days, then of days 31 to 90', async () => {
      await openFirstRoadmap(aRoadmap(), [ETHIQUE, CENTRALE], {
        milestones: [
          aMilestone({
            id: 'ms-far',
            title: 'Feuille de route votée',
            functionId: 'fn-centrale',
            date: '2024-07-30',
          }),
          aMilestone({
            id: 'ms-31',
            title: 'Comité installé',
            date: '2024-06-01',
          }),
          aMilestone({
            id: 'ms-30',
            title: 'Charte rédigée',
            date: '2024-05-31',
          }),
          aMilestone({
            id: 'ms-today',
            title: 'Référent nommé',
            functionId: 'fn-centrale',
            date: '2024-05-01',
          }),
          // late: in « En retard », not here
          aMilestone({ id: 'ms-late', date: '2024-04-02', state: 'late' }),
        ],
      });

      const section = page.querySelector('[data-testid="upcoming-section"]');
      expect(Array.from(section?.querySelectorAll('h3') ?? []).map((h) => text(h))).toEqual([
        'Dans les 30 prochains jours (jusqu’au 31/05/2024)',
        'Du 31e au 90e jour (jusqu’au 30/07/2024)',
      ]);
      expect(rowsOf('upcoming-30')).toEqual([
        ['01/05/2024', 'Référent nommé', 'Fonction centrale'],
        ['31/05/2024', 'Charte rédigée', 'Éthique'],
      ]);
      expect(rowsOf('upcoming-90')).toEqual([
        ['01/06/2024', 'Comité installé', 'Éthique'],
        ['30/07/2024', 'Feuille de route votée', 'Fonction centrale'],
      ]);
      expect(linksOf('upcoming-30')).toEqual(['/r/brest-2026-2032/jalons/ms-today', '/r/brest-2026-2032/jalons/ms-30']);
    });

    it('says so when a period has no milestone', async () => {
      await openFirstRoadmap(aRoadmap(), [], {
        milestones: [aMilestone({ date: '2024-07-01' })],
      });
      expect(text(page.querySelector('[data-testid="upcoming-30"]'))).toBe('Aucun jalon prévu sur cette période.');
      expect(rowsOf('upcoming-90')).toHaveLength(1);
    });
  });

  describe('the latest changes', () => {
    it('says who changed what and when (Paris time), in French, with a link to the item', async () => {
      await openFirstRoadmap(aRoadmap(), [], {
        changes: [
          aRecentChange({
            id: 'h-2',
            at: '2024-04-30T16:05:00.000Z',
            actor: aPerson({ name: 'Soizic Le Bihan' }),
            field: 'status',
            from: 'a_lancer',
            to: 'en_cours',
            comment: 'Le comité se réunit en mai.',
          }),
          aRecentChange({
            id: 'h-1',
            at: '2024-04-20T08:30:00.000Z',
            itemType: 'milestone',
            itemId: 'ms-1',
            itemTitle: 'Charte éthique votée',
            actor: null,
            field: 'date',
            from: '2024-05-20',
            to: '2024-06-03',
          }),
        ],
      });

      expect(rowsOf('changes')).toEqual([
        [
          '30/04/2024 à 18:05',
          'Soizic Le Bihan',
          'Action Installer le comité d’éthique',
          'Statut : À lancer → En cours',
          'Le comité se réunit en mai.',
        ],
        ['20/04/2024 à 10:30', '—', 'Jalon Charte éthique votée', 'Date : 20/05/2024 → 03/06/2024', '—'],
      ]);
      expect(linksOf('changes')).toEqual(['/r/brest-2026-2032/actions/act-1', '/r/brest-2026-2032/jalons/ms-1']);
    });

    it('names a deleted item without linking to it', async () => {
      await openFirstRoadmap(aRoadmap(), [], {
        changes: [
          aRecentChange({
            id: 'h-9',
            itemId: 'act-9',
            itemTitle: 'Action abandonnée',
            field: 'deleted',
            from: 'Action abandonnée',
            to: null,
          }),
          aRecentChange({
            id: 'h-8',
            at: '2024-04-19T08:30:00.000Z',
            itemId: 'act-9',
            itemTitle: 'Action abandonnée',
            field: 'created',
            from: null,
            to: 'a_lancer 0 %',
          }),
        ],
      });
      expect(rowsOf('changes').map((row) => row[3])).toEqual(['Suppression', 'Création (À lancer, 0 %)']);
      expect(linksOf('changes')).toEqual([]);
    });

    it('says so when nothing has changed yet', async () => {
      await openFirstRoadmap();
      expect(text(page.querySelector('[data-testid="changes-section"]'))).toContain('Aucune modification enregistrée.');
    });
  });
});
