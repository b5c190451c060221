import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { I18n } from '../i18n/i18n';
import { aFunction, aMilestone, aPerson, aRecentChange, aRollUp, aRoadmap, anAction, fourPhases } from '../testing/factories';
import { refusal } from '../testing/http';
import { OverviewPage } from './overview-page';
import {
  CENTRALE,
  CHANGES,
  ETHIQUE,
  LATE_ACTIONS,
  OPEN_MILESTONES,
  OverviewPageHarness,
  cells,
  text,
} from './testing/overview-page-harness';

// The page itself: the roadmap, its phases and functions, failures, English.
// Its sections: overview-page.sections.spec.ts; the lead's settings: overview-page.settings.spec.ts.
describe('OverviewPage', () => {
  let harness: OverviewPageHarness;
  let fixture: ComponentFixture<OverviewPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    harness = new OverviewPageHarness();
    http = harness.http;
  });

  afterEach(() => http.verify());

  function open(roadmapId?: string): void {
    harness.open(roadmapId);
    ({ fixture, page } = harness);
  }

  async function openFirstRoadmap(...args: Parameters<OverviewPageHarness['openFirstRoadmap']>): Promise<void> {
    const answered = harness.openFirstRoadmap(...args);
    ({ fixture, page } = harness);
    await answered;
  }

  const answer = (...args: Parameters<OverviewPageHarness['answer']>): Promise<void> => harness.answer(...args);
  const rowsOf = (testid: string): string[][] => harness.rowsOf(testid);
  const phaseRows = (): Element[] => harness.phaseRows();

  it('says it is loading until the roadmap arrives', async () => {
    open();
    expect(text(page.querySelector('[role="status"]'))).toBe('Chargement de la feuille de route…');
    http.expectOne('/api/roadmaps').flush([aRoadmap()]);
    await answer(aRoadmap());
    expect(page.querySelector('[role="status"]')).toBeNull();
  });

  it('shows the territory and the mandate of the first roadmap', async () => {
    await openFirstRoadmap();
    expect(text(page.querySelector('h1'))).toBe('Mandat 2026–2032');
    expect(text(page)).toContain('Ville et Métropole de Brest');
    expect(text(page)).toContain('Du 01/01/2024 au 03/02/2025');
    expect(text(page)).toContain('Phase en cours : Incubation post-électorale');
    // the shell's header reads the same roadmap
    expect(TestBed.inject(CurrentRoadmap).roadmap()?.territory).toBe('Ville et Métropole de Brest');
  });

  it('loads the roadmap named in ?roadmap= without listing them', async () => {
    const roadmap = aRoadmap({ id: 'rm-2026', territory: 'Brest métropole' });
    open('rm-2026');
    await answer(roadmap);
    http.expectNone('/api/roadmaps');
    expect(text(page)).toContain('Brest métropole');
  });

  it('lists the four phases in order with their French names and fr-FR dates', async () => {
    // the API's order must not matter: the page sorts by phase order
    const [p1, p2, p3, p4] = fourPhases();
    await openFirstRoadmap(aRoadmap({ phases: [p3, p1, p4, p2] }));

    const rows = phaseRows().map((row) => cells(row).slice(0, 3));
    expect(rows).toEqual([
      ['1. Incubation pré-électorale', '01/01/2024', '09/04/2024'],
      ['2. Incubation post-électorale en cours', '10/04/2024', '29/05/2024'],
      ['3. Phase d’émergence', '30/05/2024', '26/10/2024'],
      ['4. Phase de maturation', '27/10/2024', '03/02/2025'],
    ]);
  });

  it('says under each phase why it comes, the kit’s purpose (nothing for a phase without one)', async () => {
    const [p1, p2, p3, p4] = fourPhases();
    const why = 'Formuler collectivement le « pourquoi » du service avant de décider du « comment ».';
    await openFirstRoadmap(aRoadmap({ phases: [p1, { ...p2, purpose: why }, { ...p3, purpose: null }, p4] }));
    const purposes = phaseRows().map((row) => text(row.querySelector('[data-testid="phase-purpose"]')));
    expect(purposes).toEqual(['', why, '', '']);
    expect(cells(phaseRows()[1])[0]).toBe(`2. Incubation post-électorale en cours ${why}`);
  });

  it('shows a late phase as « En retard », with its figures in fr-FR', async () => {
    await openFirstRoadmap();

    const late = cells(phaseRows()[1]);
    expect(late.slice(3)).toEqual([
      '61,1 %', // achieved
      '93 %', // expected
      'En retard',
      '5', // overdue actions
      '2', // blocked actions
      '4 / 7', // milestones achieved / total
    ]);
    expect(cells(phaseRows()[0])[5]).toBe('À l’heure');
  });

  it('shows the overall progress against the expected progress, and the health in words', async () => {
    await openFirstRoadmap();
    const summary = page.querySelector('[aria-labelledby="titre-avancement"]');
    expect(text(summary)).toContain('48,2 % réalisé');
    expect(text(summary)).toContain('70,4 % attendu au 01/05/2024');
    expect(text(summary)).toContain('Calendrier : À surveiller');
    expect(text(summary)).toContain('Jalons atteints 6 sur 17');
  });

  it('draws the phases as bands proportional to their durations', async () => {
    await openFirstRoadmap();

    const bands = Array.from(page.querySelectorAll<HTMLElement>('.timeline__band'));
    // 100, 50, 150 and 100 days out of 400
    expect(bands.map((b) => b.style.width)).toEqual(['25%', '12.5%', '37.5%', '25%']);
    expect(bands.map((b) => b.style.marginLeft)).toEqual(['0%', '25%', '37.5%', '75%']);
    expect(bands.map((b) => text(b.querySelector('.timeline__band-name')))).toEqual([
      '1. Incubation pré-électorale',
      '2. Incubation post-électorale',
      '3. Phase d’émergence',
      '4. Phase de maturation',
    ]);
  });

  it('marks today and the elections on the timeline', async () => {
    await openFirstRoadmap(aRoadmap({ electionDates: ['2024-04-10', '2024-04-17'] }));
    const timeline = page.querySelector('jl-mandate-timeline');
    expect(text(timeline)).toContain('Élections : 10/04/2024 et 17/04/2024');
    expect(text(timeline)).toContain('Prochaine élection : 04/02/2025');
    const today = page.querySelector<HTMLElement>('.timeline__label--today');
    expect(text(today)).toBe('Aujourd’hui : 01/05/2024');
    // 1 May 2024 is day 121 of 400
    expect(today?.style.left).toBe('30.25%');
  });

  it('says when today falls outside the roadmap', async () => {
    await openFirstRoadmap(aRoadmap({ at: '2025-06-01', currentPhaseId: null }));
    expect(page.querySelector('.timeline__label--today')).toBeNull();
    expect(text(page.querySelector('jl-mandate-timeline'))).toContain(
      'Aujourd’hui (01/06/2025) est en dehors de la période de la feuille de route.',
    );
  });

  it('lists the functions with family, owner, progress, health and overdue actions', async () => {
    await openFirstRoadmap(aRoadmap(), [
      aFunction({
        id: 'fn-2',
        name: 'Prospective',
        family: 'anticipation',
        order: 10,
        owner: null,
        rollUp: aRollUp({ progress: 8.1, expected: 21.5, health: 'at_risk' }),
      }),
      aFunction({
        id: 'fn-1',
        name: 'Fonction centrale',
        family: 'centrale',
        central: true,
        order: 0,
        owner: aPerson({ name: 'Camille Le Goff' }),
        rollUp: aRollUp({ progress: 33.8, expected: 38.5, overdue: 1 }),
      }),
    ]);

    const rows = Array.from(page.querySelectorAll('[data-testid="functions"] tbody tr')).map(cells);
    expect(rows).toEqual([
      ['Fonction centrale', 'Centrale', 'Camille Le Goff', '33,8 %', '38,5 %', 'À l’heure', '1'],
      ['Prospective', 'Anticipation', 'À désigner', '8,1 %', '21,5 %', 'À surveiller', '0'],
    ]);
  });

  it('keeps the rest of the page when a section cannot be loaded', async () => {
    const roadmap = aRoadmap();
    open();
    http.expectOne('/api/roadmaps').flush([roadmap]);
    http.expectOne('/api/roadmaps/rm-1').flush(roadmap);
    http.expectOne('/api/roadmaps/rm-1/functions').flush([CENTRALE]);
    await fixture.whenStable();
    const unavailable = {
      status: 503,
      statusText: 'Service Unavailable',
    };
    http.expectOne(LATE_ACTIONS).flush(null, unavailable);
    // the milestones request is cancelled with the failed one
    http.match(OPEN_MILESTONES);
    http.expectOne(CHANGES).flush(...refusal(500, 'internal', 'L’historique est indisponible.'));
    await harness.renderDeferred();
    harness.answerPanels('rm-1');
    await fixture.whenStable();

    expect(Array.from(page.querySelectorAll('[role="alert"]')).map((a) => text(a))).toEqual([
      'Impossible de charger les éléments en retard : le serveur a répondu par une erreur 503.',
      'Impossible de charger les prochains jalons : le serveur a répondu par une erreur 503.',
      'Impossible de charger les dernières modifications : L’historique est indisponible.',
    ]);
    expect(text(page.querySelector('h1'))).toBe('Mandat 2026–2032');
    expect(rowsOf('phases')).toHaveLength(4);
    expect(rowsOf('functions')).toHaveLength(1);
  });

  it('shows each section as loading until its data arrives', async () => {
    const roadmap = aRoadmap();
    open('rm-1');
    http.expectOne('/api/roadmaps/rm-1').flush(roadmap);
    http.expectOne('/api/roadmaps/rm-1/functions').flush([]);
    await fixture.whenStable();
    await harness.renderDeferred();
    expect(Array.from(page.querySelectorAll('[role="status"]')).map((s) => text(s))).toEqual([
      'Chargement de la courbe…',
      'Chargement des éléments en retard…',
      'Chargement des prochains jalons…',
      'Chargement des chiffres du diagnostic…',
      'Chargement des indicateurs…',
      'Chargement des dernières modifications…',
    ]);
    expect(text(page.querySelector('#titre-retard'))).toBe('En retard');
    http.expectOne(LATE_ACTIONS).flush([]);
    http.expectOne(OPEN_MILESTONES).flush([]);
    http.expectOne(CHANGES).flush([]);
    harness.answerPanels('rm-1');
    await fixture.whenStable();
    expect(page.querySelector('[role="status"]')).toBeNull();
  });

  it('shows the roadmap as it stood on a past day (?at=, the headline’s « À la date du »)', async () => {
    fixture = TestBed.createComponent(OverviewPage);
    fixture.componentRef.setInput('roadmap', 'rm-1');
    fixture.componentRef.setInput('at', '2025-12-31');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/roadmaps/rm-1?at=2025-12-31').flush(aRoadmap({ at: '2025-12-31' }));
    http.expectOne('/api/roadmaps/rm-1/functions?at=2025-12-31').flush([]);
    await fixture.whenStable();
    http.match(() => true); // the sections: their own specs
    expect(text(page.querySelector('[data-testid="headline"] h2'))).toBe('En bref, au 31/12/2025');
  });

  it('shows the API’s message when the roadmap cannot be loaded', async () => {
    open('rm-missing');
    http.expectOne('/api/roadmaps/rm-missing').flush(...refusal(404, 'not_found', 'La feuille de route rm-missing n’existe pas.'));
    // the functions request is cancelled with the failed one
    http.match('/api/roadmaps/rm-missing/functions');
    await fixture.whenStable();

    expect(text(page.querySelector('[role="alert"]'))).toBe(
      'Impossible de charger la feuille de route : La feuille de route rm-missing n’existe pas.',
    );
    expect(page.querySelector('[data-testid="phases"]')).toBeNull();
  });

  it('says so when the server cannot be reached', async () => {
    open();
    http.expectOne('/api/roadmaps').error(new ProgressEvent('error'));
    await fixture.whenStable();
    expect(text(page.querySelector('[role="alert"]'))).toBe(
      'Impossible de charger la feuille de route : le serveur ne répond pas, vérifiez votre connexion.',
    );
  });

  it('says so when no roadmap exists yet', async () => {
    open();
    http.expectOne('/api/roadmaps').flush([]);
    await fixture.whenStable();
    expect(text(page.querySelector('[role="status"]'))).toBe('Aucune feuille de route n’est encore enregistrée.');
  });

  describe('in English', () => {
    afterEach(() => {
      localStorage.clear();
      document.documentElement.lang = 'fr';
    });

    const LATE = {
      actions: [
        anAction({
          id: 'act-2',
          title: 'Nommer le ou la DPO',
          functionId: 'fn-centrale',
          due: '2024-03-01',
          status: 'bloquee' as const,
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
          state: 'late' as const,
        }),
      ],
      changes: [
        aRecentChange({
          id: 'h-2',
          at: '2024-04-30T16:05:00.000Z',
          actor: aPerson({ name: 'Soizic Le Bihan' }),
          field: 'status',
          from: 'a_lancer',
          to: 'en_cours',
        }),
      ],
    };

    it('shows the page in English, with en-GB numbers and dates (Paris time); the roadmap’s own names stay as written', async () => {
      await TestBed.inject(I18n).use('en');
      await openFirstRoadmap(aRoadmap({ electionDates: ['2024-04-10', '2024-04-17'] }), [ETHIQUE, CENTRALE], LATE);

      expect(text(page.querySelector('.page-head__meta'))).toBe(
        'From 01/01/2024 to 03/02/2025 · Project lead: Camille Le Goff · Current phase: Incubation post-électorale',
      );
      const summary = page.querySelector('[aria-labelledby="titre-avancement"]');
      expect(text(summary?.querySelector('h2'))).toBe('Overall progress');
      expect(text(summary)).toContain('48.2% done');
      expect(text(summary)).toContain('70.4% expected on 01/05/2024');
      expect(text(summary)).toContain('Schedule: At risk');
      expect(text(summary)).toContain('Milestones achieved 6 out of 17');

      const timeline = page.querySelector('jl-mandate-timeline');
      expect(text(timeline)).toContain('Elections: 10/04/2024 and 17/04/2024');
      expect(text(timeline)).toContain('Today: 01/05/2024');

      expect(text(page.querySelector('#titre-retard'))).toBe('Late (2)');
      expect(rowsOf('late')).toEqual([
        ['Action Nommer le ou la DPO', 'Fonction centrale', '01/03/2024', '61 days', 'To be appointed', 'Blocked, 12.5%'],
        ['Milestone Charte éthique votée', 'Éthique', '30/04/2024', '1 day', 'Soizic Le Bihan', 'Not achieved'],
      ]);
      expect(cells(phaseRows()[1]).slice(3, 6)).toEqual(['61.1%', '93%', 'Late']);
      expect(rowsOf('changes')).toEqual([
        ['30/04/2024, 18:05', 'Soizic Le Bihan', 'Action Installer le comité d’éthique', 'Status: Not started → In progress', '—'],
      ]);
    });

    it('follows a switch of language without reloading anything', async () => {
      await openFirstRoadmap(aRoadmap(), [ETHIQUE, CENTRALE], LATE);
      expect(text(page.querySelector('#titre-frise'))).toBe('Frise du mandat');
      expect(rowsOf('late')[1][3]).toBe('1 jour');

      await TestBed.inject(I18n).use('en');
      await fixture.whenStable();
      expect(text(page.querySelector('#titre-frise'))).toBe('Term timeline');
      expect(rowsOf('late')[1][3]).toBe('1 day');
      expect(text(page.querySelector('h1'))).toBe('Mandat 2026–2032');
      // nothing asked again: the page only speaks differently
      http.verify();
    });
  });
});
