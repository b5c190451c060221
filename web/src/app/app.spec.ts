import type { MeView, NotificationsView } from '@jalons/contract';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';

import { App } from './app';
import { appRoutes } from './app.routes';
import { AuthService } from './data/auth.service';
import { LANG_STORAGE_KEY } from './i18n/i18n';
import { provideFrenchLocale } from './locale';
import { anSCurve, provideFakeSCurveCharts } from './progress/testing/fake-charts';
import { accessibleName, text } from './testing/dom';
import { aNotification, aRoadmap } from './testing/factories';
import { refusal } from './testing/http';
import { aMe, provideSession } from './testing/session';

// the pages' logic, not frappe's drawing
jest.mock('./gantt/gantt', () => jest.requireActual('./gantt/testing/gantt-stub'));

const NO_REMINDER: NotificationsView = { unread: 0, items: [] };

describe('App shell', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<App>;
  let shell: HTMLElement;

  function setUp(me: MeView | null): void {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFrenchLocale(),
        provideSession(me),
        provideFakeSCurveCharts(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(App);
    shell = fixture.nativeElement as HTMLElement;
  }

  /** Answers the bell's pending requests (it asks on each change of page); returns how many. */
  function answerReminders(view: NotificationsView = NO_REMINDER): number {
    const pending = http.match((r) => r.url === '/api/notifications').filter((r) => !r.cancelled);
    for (const req of pending) req.flush(view);
    return pending.length;
  }

  afterEach(() => {
    answerReminders();
    http.verify();
  });

  const BREST = aRoadmap({
    id: 'rm-7',
    slug: 'brest-2026-2032',
    territory: 'Ville et Métropole de Brest',
    mandateLabel: 'Mandat 2026–2032',
  });

  /** Navigates to `url`, answering the list of roadmaps the URL's slug is looked up in. */
  /** The requests to `url` once asked: a navigation asks after its guards and lazy pages, a few turns later. */
  async function whenAsked(url: string): Promise<ReturnType<HttpTestingController['match']>> {
    for (let turn = 0; turn < 50; turn++) {
      await new Promise((resolve) => setTimeout(resolve));
      const asked = http.match(url);
      if (asked.length) return asked;
    }
    return [];
  }

  async function open(url: string, roadmaps = [BREST]): Promise<void> {
    const done = TestBed.inject(Router).navigateByUrl(url);
    // the navigation waits for the list (whenStable would wait for the navigation)
    for (const req of await whenAsked('/api/roadmaps')) req.flush(roadmaps);
    await done;
    await fixture.whenStable();
  }

  /** Opens the overview of rm-7 (/r/brest-2026-2032) and answers everything it asks. */
  async function openOverview(): Promise<void> {
    await open('/r/brest-2026-2032');
    fixture.detectChanges();
    http.expectOne('/api/roadmaps/rm-7').flush(BREST);
    http.expectOne('/api/roadmaps/rm-7/functions').flush([]);
    await fixture.whenStable();
    // the overview's sections (late items, next milestones, latest changes), asked once the roadmap is known
    for (const section of http.match((r) => r.url.startsWith('/api/roadmaps/rm-7/'))) {
      const url = section.request.url;
      // the S-curve (progress/) and the next meeting (governance/) are not lists
      section.flush(url.endsWith('/s-curve') ? anSCurve() : url.endsWith('/meetings/next') ? null : []);
    }
    await fixture.whenStable();
  }

  const navLinks = (): string[] => Array.from(shell.querySelectorAll('nav a')).map((a) => text(a));

  it('has a header, a navigation and a main area, and shows the roadmap asked for in the header', async () => {
    setUp(aMe());
    await openOverview();

    const header = shell.querySelector('header');
    expect(text(header?.querySelector('.shell-header__brand'))).toBe('Jalons');
    expect(text(header)).toContain('Ville et Métropole de Brest');
    expect(text(header)).toContain('Mandat 2026–2032');

    const nav = shell.querySelector('nav');
    expect(nav?.getAttribute('aria-label')).toBe('Navigation principale');
    const link = nav?.querySelector('a');
    expect(text(link)).toBe('Vue du mandat');
    expect(link?.getAttribute('aria-current')).toBe('page');

    expect(text(shell.querySelector('main h1'))).toBe('Mandat 2026–2032');
    // the first test compiles the overview and its cards: more than jest's default 5 s on a busy machine
  }, 30_000);

  it('names the signed-in person and their role, and offers « Administration » to administrators only', async () => {
    setUp(aMe({ name: 'Camille Le Goff', role: 'lead' }));
    await openOverview();
    expect(text(shell.querySelector('[data-testid="account"]'))).toBe('Camille Le Goff (mon compte), Chef·fe de projet Se déconnecter');
    expect(navLinks()).toEqual([
      'Vue du mandat',
      'Chronogramme',
      'Acteurs',
      'Gouvernance',
      'Lignes de base',
      'Rapport',
      'Mes échéances',
      'Feuilles de route',
    ]);

    TestBed.inject(AuthService).setSession(aMe({ name: 'Yann Kerébel', role: 'admin' }));
    await fixture.whenStable();
    expect(navLinks()).toEqual([
      'Vue du mandat',
      'Chronogramme',
      'Acteurs',
      'Gouvernance',
      'Lignes de base',
      'Rapport',
      'Mes échéances',
      'Feuilles de route',
      'Administration',
    ]);
    expect(text(shell.querySelector('[data-testid="account"]'))).toContain('Yann Kerébel (mon compte), Administrateur·rice');
  });

  it('shows the bell « Rappels » to a signed-in person, with the unread count, asked again on each change of page', async () => {
    setUp(aMe());
    await openOverview();
    const bell = (): HTMLElement | null => shell.querySelector('header [data-testid="bell"]');
    expect(
      answerReminders({
        unread: 2,
        items: [aNotification({ id: 'n-1' }), aNotification({ id: 'n-2' })],
      }),
    ).toBe(1);
    await fixture.whenStable();
    expect(accessibleName(bell())).toBe('Rappels, 2 non lus');

    await open('/r/brest-2026-2032/chronogramme');
    http.expectOne('/api/roadmaps/rm-7/chronogram').flush({
      roadmap: aRoadmap({ id: 'rm-7' }),
      functions: [],
      actions: [],
      milestones: [],
      dependencies: [],
      persons: [],
    });
    expect(answerReminders(NO_REMINDER)).toBe(1);
    await fixture.whenStable();
    expect(accessibleName(bell())).toBe('Rappels');

    // signed out: no bell, and no more asking
    TestBed.inject(AuthService).setSession(null);
    await fixture.whenStable();
    expect(bell()).toBeNull();
    await TestBed.inject(Router).navigateByUrl('/connexion');
    await fixture.whenStable();
    expect(answerReminders()).toBe(0);
  });

  it('signs out with « Se déconnecter »: the session ends and the sign-in page says so, without the navigation', async () => {
    setUp(aMe());
    await openOverview();

    const logout = Array.from(shell.querySelectorAll('button')).find((b) => text(b) === 'Se déconnecter');
    logout?.click();
    const req = http.expectOne('/api/auth/logout');
    expect(req.request.method).toBe('POST');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/connexion');
    expect(TestBed.inject(AuthService).me()).toBeNull();
    expect(shell.querySelector('nav')).toBeNull();
    expect(shell.querySelector('[data-testid="account"]')).toBeNull();
    expect(text(shell.querySelector('main h1'))).toBe('Connexion');
    expect(text(shell.querySelector('[data-testid="notice"]'))).toBe('Vous êtes déconnecté·e.');
  });

  it('sends an anonymous visitor to the sign-in page, and brings them back once signed in', async () => {
    setUp(null);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/r/brest-2026-2032/chronogramme');
    await fixture.whenStable();
    expect(router.url).toBe('/connexion?retour=%2Fr%2Fbrest-2026-2032%2Fchronogramme');
    expect(shell.querySelector('nav')).toBeNull();

    const email = shell.querySelector<HTMLInputElement>('#login-email');
    const password = shell.querySelector<HTMLInputElement>('#login-password');
    if (!email || !password) throw new Error('sign-in form absent');
    email.value = 'camille@example.test';
    email.dispatchEvent(new Event('input'));
    password.value = 'une phrase de passe';
    password.dispatchEvent(new Event('input'));
    shell.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    // jsdom has no XSRF-TOKEN cookie: the app asks for one first
    http.expectOne('/api/auth/session').flush({ account: null });
    http.expectOne('/api/auth/login').flush(aMe());
    const [list, ...more] = await whenAsked('/api/roadmaps');
    expect(more).toHaveLength(0);
    list.flush([BREST]);
    await fixture.whenStable();

    expect(router.url).toBe('/r/brest-2026-2032/chronogramme');
    http.expectOne('/api/roadmaps/rm-7/chronogram').flush({
      roadmap: aRoadmap({ id: 'rm-7' }),
      functions: [],
      actions: [],
      milestones: [],
      dependencies: [],
      persons: [],
    });
    await fixture.whenStable();
    expect(navLinks()).toContain('Chronogramme');
    // the keyboard starts from the new page's title
    expect(document.activeElement).toBe(shell.querySelector('main h1'));
  });

  describe('the language switch', () => {
    afterEach(() => {
      localStorage.clear();
      document.documentElement.lang = 'fr';
    });

    const switchGroup = (): HTMLElement | null => shell.querySelector('header [role="group"].lang-switch');
    const option = (name: string): HTMLButtonElement => {
      const button = Array.from(switchGroup()?.querySelectorAll('button') ?? []).find((b) => text(b) === name);
      if (!button) throw new Error(`no « ${name} » button`);
      return button;
    };

    it('is in the header of the sign-in page: two labelled toggle buttons, each language named in itself', async () => {
      setUp(null);
      await TestBed.inject(Router).navigateByUrl('/connexion');
      await fixture.whenStable();
      expect(switchGroup()?.getAttribute('aria-label')).toBe('Langue de l’interface');
      const [fr, en] = [option('Français'), option('English')];
      expect([fr.lang, en.lang]).toEqual(['fr', 'en']);
      expect([fr.type, en.type]).toEqual(['button', 'button']);
      expect(fr.getAttribute('aria-pressed')).toBe('true');
      expect(en.getAttribute('aria-pressed')).toBe('false');

      en.click();
      await fixture.whenStable();
      expect(text(shell.querySelector('main h1'))).toBe('Sign in');
      expect(en.getAttribute('aria-pressed')).toBe('true');
      expect(fr.getAttribute('aria-pressed')).toBe('false');
      expect(switchGroup()?.getAttribute('aria-label')).toBe('Language of the interface');
      expect(document.documentElement.lang).toBe('en');
      expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');

      fr.click();
      await fixture.whenStable();
      expect(text(shell.querySelector('main h1'))).toBe('Connexion');
      expect(document.documentElement.lang).toBe('fr');
    });

    it('translates the header and the page in view of a signed-in person at once, the roadmap’s names as written', async () => {
      setUp(aMe({ name: 'Camille Le Goff', role: 'lead' }));
      await openOverview();
      option('English').click();
      await fixture.whenStable();

      expect(navLinks()).toEqual([
        'Term overview',
        'Gantt chart',
        'Actors',
        'Governance',
        'Baselines',
        'Report',
        'My deadlines',
        'Roadmaps',
      ]);
      expect(shell.querySelector('nav')?.getAttribute('aria-label')).toBe('Main navigation');
      expect(text(shell.querySelector('[data-testid="account"]'))).toBe('Camille Le Goff (my account), Project lead Sign out');
      expect(accessibleName(shell.querySelector('[data-testid="bell"]'))).toBe('Reminders');
      expect(text(shell.querySelector('header'))).toContain('Ville et Métropole de Brest');
      expect(text(shell.querySelector('#titre-avancement'))).toBe('Overall progress');
    });
  });

  it('shows « Accès refusé » at /administration to anybody but an administrator', async () => {
    setUp(aMe({ role: 'elected' }));
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/administration');
    await fixture.whenStable();
    expect(text(shell.querySelector('main h1'))).toBe('Accès refusé');
    expect(text(shell.querySelector('main [role="alert"]'))).toContain('Votre rôle : Élu·e.');
    http.expectNone('/api/accounts');
  });

  it('folds the navigation, the account and the languages behind « Menu » (shown on phones, app.scss), the bell staying in reach', async () => {
    setUp(aMe({ role: 'elected' }));
    await open('/acces-refuse');
    fixture.detectChanges();
    const menu = shell.querySelector<HTMLButtonElement>('header button.shell-menu-button');
    const panel = shell.querySelector<HTMLElement>('#shell-menu');
    if (!menu || !panel) throw new Error('no « Menu » or no menu');
    expect(text(menu)).toBe('Menu');
    expect(menu.getAttribute('aria-controls')).toBe('shell-menu');
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(panel.querySelector('nav[aria-label="Navigation principale"]')).not.toBeNull();
    expect(panel.querySelector('[data-testid="account"]')).not.toBeNull();
    expect(panel.querySelector('.lang-switch')).not.toBeNull();
    expect(panel.querySelector('[data-testid="bell"]')).toBeNull();
    expect(shell.querySelector('header [data-testid="bell"]')).not.toBeNull();

    menu.click();
    await fixture.whenStable();
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(panel.classList).toContain('shell-menu--open');

    // Escape folds it and gives the keyboard back to « Menu »
    panel.querySelector('a')?.focus();
    panel.querySelector('a')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(panel.classList).not.toContain('shell-menu--open');
    expect(document.activeElement).toBe(menu);

    // a followed link folds it: the new page takes the screen
    menu.click();
    await fixture.whenStable();
    await open('/feuilles-de-route');
    expect(menu.getAttribute('aria-expanded')).toBe('false');
  });
});
