import type { ActionView, FunctionWithRollUpView, MilestoneView, RecentChangeView, RoadmapDetailView } from '@jalons/contract';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { AuthService } from '../data/auth.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { I18n } from '../i18n/i18n';
import { provideFrenchLocale } from '../locale';
import { aFunction, aMilestone, aPerson, aRecentChange, aRollUp, aRoadmap, anAction, fourPhases } from '../testing/factories';
import { must } from '../testing/dom';
import { aMe } from '../testing/session';
import { OverviewPage } from './overview-page';

/** Text as a reader sees it: whitespace (including fr-FR narrow no-break spaces) collapsed. */
function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function cells(row: Element): string[] {
  return Array.from(row.querySelectorAll('th, td')).map((c) => text(c));
}

describe('OverviewPage', () => {
  let fixture: ComponentFixture<OverviewPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [OverviewPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideFrenchLocale()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function open(roadmapId?: string): void {
    fixture = TestBed.createComponent(OverviewPage);
    if (roadmapId !== undefined) {
      fixture.componentRef.setInput('roadmap', roadmapId);
    }
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  }

  interface Sections {
    actions?: ActionView[];
    milestones?: MilestoneView[];
    changes?: RecentChangeView[];
  }

  // for the default roadmap, whose reference day is 01/05/2024
  const LATE_ACTIONS = '/api/roadmaps/rm-1/actions?status=a_lancer,en_cours,bloquee&dueBefore=2024-04-30';
  const OPEN_MILESTONES = '/api/roadmaps/rm-1/milestones?achieved=false&dueBefore=2024-07-30';
  const CHANGES = '/api/roadmaps/rm-1/changes?limit=10';

  /** Answers the roadmap, then the sections it asks for once it knows the reference day. */
  async function answer(roadmap: RoadmapDetailView, functions: FunctionWithRollUpView[] = [], sections: Sections = {}): Promise<void> {
    http.expectOne(`/api/roadmaps/${roadmap.id}`).flush(roadmap);
    http.expectOne(`/api/roadmaps/${roadmap.id}/functions`).flush(functions);
    await fixture.whenStable();
    const base = `/api/roadmaps/${roadmap.id}`;
    http.expectOne((r) => r.url === `${base}/actions`).flush(sections.actions ?? []);
    http.expectOne((r) => r.url === `${base}/milestones`).flush(sections.milestones ?? []);
    http.expectOne((r) => r.url === `${base}/changes`).flush(sections.changes ?? []);
    await fixture.whenStable();
  }

  async function openFirstRoadmap(
    roadmap: RoadmapDetailView = aRoadmap(),
    functions: FunctionWithRollUpView[] = [],
    sections: Sections = {},
  ): Promise<void> {
    open();
    http.expectOne('/api/roadmaps').flush([roadmap]);
    await answer(roadmap, functions, sections);
  }

  function rowsOf(testid: string): string[][] {
    return Array.from(page.querySelectorAll(`[data-testid="${testid}"] tbody tr`)).map(cells);
  }

  function linksOf(testid: string): (string | null)[] {
    return Array.from(page.querySelectorAll(`[data-testid="${testid}"] tbody a`)).map((a) => a.getAttribute('href'));
  }

  const ETHIQUE = aFunction({
    id: 'fn-ethique',
    name: 'Éthique',
    owner: aPerson({ id: 'p-2', name: 'Soizic Le Bihan' }),
  });
  const CENTRALE = aFunction({
    id: 'fn-centrale',
    name: 'Fonction centrale',
    family: 'centrale',
    central: true,
    order: 0,
    owner: aPerson({ name: 'Camille Le Goff' }),
  });

  function phaseRows(): Element[] {
    return Array.from(page.querySelectorAll('[data-testid="phases"] tbody tr'));
  }

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
    expect(bands.map((b) => b.style.left)).toEqual(['0%', '25%', '37.5%', '75%']);
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
      expect(linksOf('late')).toEqual(['/actions/act-2', '/actions/act-1', '/jalons/ms-1']);
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
      expect(linksOf('upcoming-30')).toEqual(['/jalons/ms-today', '/jalons/ms-30']);
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
      expect(linksOf('changes')).toEqual(['/actions/act-1', '/jalons/ms-1']);
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
    http.expectOne(CHANGES).flush(
      {
        statusCode: 500,
        error: 'internal',
        message: 'L’historique est indisponible.',
      },
      { status: 500, statusText: 'Internal Server Error' },
    );
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
    expect(Array.from(page.querySelectorAll('[role="status"]')).map((s) => text(s))).toEqual([
      'Chargement des éléments en retard…',
      'Chargement des prochains jalons…',
      'Chargement des dernières modifications…',
    ]);
    expect(text(page.querySelector('#titre-retard'))).toBe('En retard');
    http.expectOne(LATE_ACTIONS).flush([]);
    http.expectOne(OPEN_MILESTONES).flush([]);
    http.expectOne(CHANGES).flush([]);
    await fixture.whenStable();
    expect(page.querySelector('[role="status"]')).toBeNull();
  });

  it('shows the API’s message when the roadmap cannot be loaded', async () => {
    open('rm-missing');
    http.expectOne('/api/roadmaps/rm-missing').flush(
      {
        statusCode: 404,
        error: 'not_found',
        message: 'La feuille de route rm-missing n’existe pas.',
      },
      { status: 404, statusText: 'Not Found' },
    );
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
  describe('the public page setting', () => {
    const setting = (): Element | null => page.querySelector('[data-testid="public-page-setting"]');
    const toggle = (): HTMLButtonElement => setting()?.querySelector('button') as HTMLButtonElement;

    it.each(['elected', 'owner', 'admin'] as const)('is not shown to a %s', async (role) => {
      TestBed.inject(AuthService).setSession(aMe({ role }));
      open('rm-1');
      await answer(aRoadmap());
      expect(setting()).toBeNull();
    });

    it('lets the project lead open the public page, with the version read, and gives its address', async () => {
      TestBed.inject(AuthService).setSession(aMe({ role: 'lead' }));
      open('rm-1');
      await answer(aRoadmap({ publicPage: false, version: 3 }));
      expect(text(setting()?.querySelector('[data-testid="public-page-state"]'))).toBe('La page publique est fermée.');
      expect(text(toggle())).toBe('Ouvrir la page publique');

      toggle().click();
      const req = http.expectOne({
        method: 'PATCH',
        url: '/api/roadmaps/rm-1/settings',
      });
      expect(req.request.body).toEqual({ version: 3, publicPage: true });
      req.flush(aRoadmap({ publicPage: true, version: 4 }));
      await fixture.whenStable();

      const state = setting()?.querySelector('[data-testid="public-page-state"]');
      expect(text(state)).toBe('La page publique est ouverte : http://localhost/public/brest-2026-2032');
      expect(state?.querySelector('a')?.getAttribute('href')).toBe('/public/brest-2026-2032');
      expect(text(setting()?.querySelector('[role="status"]'))).toBe('Page publique ouverte.');

      // closing it again sends the new version
      toggle().click();
      expect(http.expectOne('/api/roadmaps/rm-1/settings').request.body).toEqual({ version: 4, publicPage: false });
    });

    it('on a version conflict, says so and shows the setting as it now is', async () => {
      TestBed.inject(AuthService).setSession(aMe({ role: 'lead' }));
      open('rm-1');
      await answer(aRoadmap({ publicPage: false, version: 3 }));
      toggle().click();
      http.expectOne('/api/roadmaps/rm-1/settings').flush(
        {
          statusCode: 409,
          error: 'version_conflict',
          message: 'Version périmée.',
          currentVersion: 4,
        },
        { status: 409, statusText: 'Conflict' },
      );
      http.expectOne({ method: 'GET', url: '/api/roadmaps/rm-1' }).flush(aRoadmap({ publicPage: true, version: 4 }));
      await fixture.whenStable();
      expect(text(setting()?.querySelector('[role="alert"]'))).toContain('modifié entre-temps');
      expect(text(toggle())).toBe('Fermer la page publique');
    });
  });

  describe('the reminder rules', () => {
    const rules = (): HTMLElement => must(page.querySelector<HTMLElement>('[data-testid="reminder-rules"]'));
    const field = (name: string): HTMLInputElement => must(page.querySelector<HTMLInputElement>(`#rules-${name}`), name);

    function type(name: string, value: string): void {
      field(name).value = value;
      field(name).dispatchEvent(new Event('input'));
    }

    async function save(): Promise<void> {
      must(rules().querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    }

    async function openAsLead(roadmap: RoadmapDetailView = aRoadmap({ version: 3 })): Promise<void> {
      TestBed.inject(AuthService).setSession(aMe({ role: 'lead' }));
      open('rm-1');
      await answer(roadmap);
    }

    it.each(['elected', 'owner', 'admin'] as const)('is not shown to a %s', async (role) => {
      TestBed.inject(AuthService).setSession(aMe({ role }));
      open('rm-1');
      await answer(aRoadmap());
      expect(page.querySelector('[data-testid="reminder-rules"]')).toBeNull();
    });

    it('shows the rules in force, and saves the lead’s changes with the version read', async () => {
      await openAsLead();
      expect(text(rules().querySelector('h2'))).toBe('Règles de rappel');
      expect(field('before').value).toBe('14, 7, 1');
      expect(field('onDueDate').checked).toBe(true);
      expect(field('overdueEveryDays').value).toBe('7');
      expect(field('escalateAfterDays').value).toBe('7');
      expect(field('milestones').checked).toBe(true);
      expect(text(page.querySelector('label[for="rules-escalateAfterDays"]'))).toBe(
        'Prévenir le ou la chef·fe de projet après … jours de retard',
      );

      type('before', '7, 30 ; 1 7');
      type('overdueEveryDays', '0');
      type('escalateAfterDays', '21');
      field('milestones').click();
      await save();

      const req = http.expectOne({
        method: 'PATCH',
        url: '/api/roadmaps/rm-1/settings',
      });
      expect(req.request.body).toEqual({
        version: 3,
        reminders: {
          before: [30, 7, 1],
          onDueDate: true,
          overdueEveryDays: 0,
          escalateAfterDays: 21,
          milestones: false,
        },
      });
      const saved = {
        before: [30, 7, 1],
        onDueDate: true,
        overdueEveryDays: 0,
        escalateAfterDays: 21,
        milestones: false,
      };
      req.flush(aRoadmap({ version: 4, reminderRules: saved }));
      await fixture.whenStable();

      expect(text(rules().querySelector('[role="status"]'))).toBe('Règles de rappel enregistrées.');
      expect(field('before').value).toBe('30, 7, 1');
      // the public page is saved with the version the rules gave
      must(page.querySelector<HTMLButtonElement>('[data-testid="public-page-setting"] button')).click();
      expect(http.expectOne('/api/roadmaps/rm-1/settings').request.body).toEqual({ version: 4, publicPage: true });
    });

    it('says next to a field what is wrong before sending anything', async () => {
      await openAsLead();
      type('before', '14, la veille');
      type('overdueEveryDays', '');
      await save();
      http.expectNone('/api/roadmaps/rm-1/settings');
      expect(text(page.querySelector('#rules-before-error'))).toBe(
        'Indiquez au plus 6 nombres entiers de jours, de 1 à 90, séparés par des virgules (par exemple : 14, 7, 1).',
      );
      expect(text(page.querySelector('#rules-overdueEveryDays-error'))).toBe('Indiquez un nombre entier de jours de 0 (jamais) à 60.');
      expect(field('before').getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(field('before'));
    });

    it('shows the API’s field errors next to their fields', async () => {
      await openAsLead();
      await save();
      http.expectOne('/api/roadmaps/rm-1/settings').flush(
        {
          statusCode: 400,
          error: 'validation_failed',
          message: 'Requête invalide.',
          errors: [
            {
              field: 'reminders.escalateAfterDays',
              message: 'escalateAfterDays doit être un nombre de jours de 0 (jamais) à 90.',
            },
          ],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await fixture.whenStable();
      const escalate = field('escalateAfterDays');
      expect(escalate.getAttribute('aria-invalid')).toBe('true');
      expect(escalate.getAttribute('aria-describedby')).toContain('rules-escalateAfterDays-error');
      expect(text(page.querySelector('#rules-escalateAfterDays-error'))).toBe(
        'escalateAfterDays doit être un nombre de jours de 0 (jamais) à 90.',
      );
      expect(text(rules().querySelector('[role="alert"]'))).toBe('Requête invalide.');
      expect(document.activeElement).toBe(escalate);
    });

    it('on a version conflict, reloads the rules now in force and saves next with their version', async () => {
      await openAsLead();
      type('overdueEveryDays', '3');
      await save();
      http.expectOne('/api/roadmaps/rm-1/settings').flush(
        {
          statusCode: 409,
          error: 'version_conflict',
          message: 'Version périmée.',
          currentVersion: 5,
        },
        { status: 409, statusText: 'Conflict' },
      );
      http.expectOne({ method: 'GET', url: '/api/roadmaps/rm-1' }).flush(
        aRoadmap({
          version: 5,
          reminderRules: {
            before: [7],
            onDueDate: false,
            overdueEveryDays: 14,
            escalateAfterDays: 0,
            milestones: true,
          },
        }),
      );
      await fixture.whenStable();

      expect(text(rules().querySelector('[role="alert"]'))).toContain('modifiés entre-temps');
      expect(field('before').value).toBe('7');
      expect(field('onDueDate').checked).toBe(false);
      expect(field('overdueEveryDays').value).toBe('14');

      await save();
      expect(http.expectOne('/api/roadmaps/rm-1/settings').request.body).toEqual({
        version: 5,
        reminders: {
          before: [7],
          onDueDate: false,
          overdueEveryDays: 14,
          escalateAfterDays: 0,
          milestones: true,
        },
      });
    });
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
