import type { CalendarFeedView } from '@jalons/contract';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { must, text } from '../testing/dom';
import { aCalendarFeed, aFunction, aRoadmap } from '../testing/factories';
import { aMe, provideSession } from '../testing/session';
import { CalendarFeeds } from './calendar-feeds';

const SECRET = 'https://jalons.example.test/api/calendars/feeds/Zx8-secret-token-0123456789.ics';

const MINE = aCalendarFeed();
const REVOKED = aCalendarFeed({
  id: 'cal-old',
  scope: 'roadmap',
  targetId: 'rm-1',
  label: 'Jalons — Ville et Métropole de Brest — Mandat 2026–2032',
  createdAt: '2026-10-02T10:00:00.000Z',
  revokedAt: '2026-11-02T10:00:00.000Z',
});
const FUNCTIONS = [
  aFunction({ id: 'fn-socle', name: 'Socle de données', order: 2 }),
  aFunction({ id: 'fn-ethique', name: 'Éthique', order: 1 }),
];

describe('CalendarFeeds', () => {
  let fixture: ComponentFixture<CalendarFeeds>;
  let http: HttpTestingController;
  let section: HTMLElement;
  let writeText: jest.Mock;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [CalendarFeeds],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideSession(aMe())],
    });
    http = TestBed.inject(HttpTestingController);
    writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
  });

  afterEach(() => {
    http.verify();
    Object.defineProperty(navigator, 'clipboard', {
      value: undefined,
      configurable: true,
    });
  });

  /** The roadmap in view is Brest's: its functions are asked, the roadmaps are not listed. */
  async function open(feeds: CalendarFeedView[] = [MINE, REVOKED]) {
    TestBed.inject(CurrentRoadmap).set(aRoadmap());
    fixture = TestBed.createComponent(CalendarFeeds);
    section = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne({ method: 'GET', url: '/api/calendars' }).flush(feeds);
    http.expectOne('/api/roadmaps/rm-1/functions').flush(FUNCTIONS);
    await fixture.whenStable();
  }

  const rows = (): string[][] =>
    Array.from(section.querySelectorAll('[data-testid="feeds"] tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).map((c) => text(c)),
    );

  function button(name: string, within: Element = section): HTMLButtonElement {
    return must(
      Array.from(within.querySelectorAll('button')).find((b) => text(b).startsWith(name)),
      `button ${name}`,
    );
  }

  async function create(): Promise<void> {
    must(section.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  async function pick(id: string): Promise<void> {
    must(section.querySelector<HTMLInputElement>(`#${id}`), id).click();
    await fixture.whenStable();
  }

  it('lists my calendars: label, creation day, state; only active ones can be revoked', async () => {
    await open();
    expect(rows()).toEqual([
      ['Jalons — Échéances de Camille Le Goff', '20/11/2026', 'Actif', 'Révoquer Jalons — Échéances de Camille Le Goff'],
      ['Jalons — Ville et Métropole de Brest — Mandat 2026–2032', '02/10/2026', 'Révoqué le 02/11/2026', '—'],
    ]);
  });

  it('creates a calendar of my due dates and shows its secret address once, to copy', async () => {
    await open([]);
    expect(text(section)).toContain('Vous n’avez encore créé aucun calendrier.');
    expect(must(section.querySelector<HTMLInputElement>('#calendar-scope-person')).checked).toBe(true);
    await create();

    const req = http.expectOne({ method: 'POST', url: '/api/calendars' });
    expect(req.request.body).toEqual({ scope: 'person' });
    req.flush({ ...MINE, url: SECRET }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    http.expectOne('/api/calendars').flush([MINE]);
    await fixture.whenStable();

    const field = must(section.querySelector<HTMLInputElement>('#calendar-url'));
    expect(text(section.querySelector('label[for="calendar-url"]'))).toBe('Adresse secrète du calendrier');
    expect(field.value).toBe(SECRET);
    expect(field.readOnly).toBe(true);
    expect(document.activeElement).toBe(field);
    // the field says it will not be shown again
    expect(text(section.querySelector(`#${field.getAttribute('aria-describedby')}`))).toContain('elle ne sera plus jamais affichée');
    const help = text(section.querySelector('[data-testid="new-feed"]'));
    expect(help).toContain('s’abonner à un calendrier par URL');
    for (const app of ['Thunderbird', 'Outlook', 'Google Agenda']) {
      expect(help).toContain(app);
    }

    button('Copier l’adresse').click();
    await fixture.whenStable();
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(text(section.querySelector('[data-testid="new-feed"] [role="status"]'))).toBe('Adresse copiée dans le presse-papiers.');

    // the list never carries the address
    expect(rows()).toEqual([
      ['Jalons — Échéances de Camille Le Goff', '20/11/2026', 'Actif', 'Révoquer Jalons — Échéances de Camille Le Goff'],
    ]);
    button('J’ai copié l’adresse').click();
    await fixture.whenStable();
    expect(section.querySelector('#calendar-url')).toBeNull();
    expect(section.innerHTML).not.toContain('secret-token');
  });

  it('follows a function of the roadmap in view, chosen from its list', async () => {
    await open([]);
    expect(section.querySelector('#calendar-targetId')).toBeNull();
    await pick('calendar-scope-function');

    const select = must(section.querySelector<HTMLSelectElement>('#calendar-targetId'));
    expect(text(section.querySelector('label[for="calendar-targetId"]'))).toBe('Fonction');
    expect(Array.from(select.options).map((o) => text(o))).toEqual(['Choisissez une fonction', 'Éthique', 'Socle de données']);
    // no function chosen: said next to the list, nothing sent
    await create();
    http.expectNone('/api/calendars');
    expect(text(section.querySelector('#calendar-targetId-error'))).toBe('Choisissez la fonction à suivre.');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(select);

    select.value = 'fn-socle';
    select.dispatchEvent(new Event('change'));
    await create();
    const req = http.expectOne({ method: 'POST', url: '/api/calendars' });
    expect(req.request.body).toEqual({
      scope: 'function',
      targetId: 'fn-socle',
    });
    req.flush(
      aCalendarFeed({
        id: 'cal-2',
        scope: 'function',
        targetId: 'fn-socle',
        label: 'Jalons — Socle de données — Ville et Métropole de Brest',
        url: SECRET,
      }),
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();
    http.expectOne('/api/calendars').flush([]);
    await fixture.whenStable();
    expect(text(section.querySelector('[data-testid="new-feed"] h3'))).toBe(
      'Nouvelle adresse : Jalons — Socle de données — Ville et Métropole de Brest',
    );
  });

  it('follows the whole roadmap, the first one when none is in view', async () => {
    fixture = TestBed.createComponent(CalendarFeeds);
    section = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/calendars').flush([]);
    http.expectOne('/api/roadmaps').flush([aRoadmap({ id: 'rm-9' })]);
    http.expectOne('/api/roadmaps/rm-9/functions').flush(FUNCTIONS);
    await fixture.whenStable();

    expect(text(section.querySelector('label[for="calendar-scope-roadmap"]'))).toBe(
      'Toute la feuille de route (Ville et Métropole de Brest, Mandat 2026–2032)',
    );
    await pick('calendar-scope-roadmap');
    await create();
    expect(http.expectOne({ method: 'POST', url: '/api/calendars' }).request.body).toEqual({ scope: 'roadmap', targetId: 'rm-9' });
  });

  it('revokes a calendar after asking to confirm', async () => {
    await open();
    button('Révoquer').click();
    await fixture.whenStable();

    const confirm = must(section.querySelector('[data-testid="confirm-revoke"]'));
    expect(text(confirm)).toContain('Révoquer ? Les agendas abonnés ne recevront plus rien.');
    expect(document.activeElement).toBe(button('Oui, révoquer', confirm));
    // changing one's mind sends nothing
    button('Annuler', confirm).click();
    await fixture.whenStable();
    http.expectNone({ method: 'DELETE' });
    expect(document.activeElement?.id).toBe('revoquer-cal-1');

    button('Révoquer').click();
    await fixture.whenStable();
    button('Oui, révoquer').click();
    http.expectOne({ method: 'DELETE', url: '/api/calendars/cal-1' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    http.expectOne('/api/calendars').flush([{ ...MINE, revokedAt: '2026-11-29T10:00:00.000Z' }, REVOKED]);
    await fixture.whenStable();

    expect(text(section.querySelector('[data-testid="calendar-announcement"]'))).toBe(
      'Le calendrier « Jalons — Échéances de Camille Le Goff » est révoqué : son adresse ne donne plus rien.',
    );
    expect(rows()[0].slice(2)).toEqual(['Révoqué le 29/11/2026', '—']);
  });
});
