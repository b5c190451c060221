import type { NotificationsView } from '@jalons/contract';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { accessibleName, must, text } from '../testing/dom';
import { aNotification } from '../testing/factories';
import { REMINDERS_REFRESH_MS, ReminderBell } from './reminder-bell';
import { reminderPhrase } from './reminder-phrase';

@Component({
  selector: 'jl-blank',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>Page</h1>',
})
class BlankPage {}

const LIST = '/api/notifications?limit=20';

const BEFORE = aNotification({
  id: 'n-before',
  title: 'Installer le comité d’éthique',
  itemId: 'act-1',
  rule: 'before',
  runDate: '2026-11-28',
  dueDate: '2026-12-05',
});
const DUE = aNotification({
  id: 'n-due',
  title: 'Nommer le ou la DPO',
  itemId: 'act-2',
  rule: 'due',
  runDate: '2026-11-28',
  dueDate: '2026-11-28',
});
const ESCALATION = aNotification({
  id: 'n-escalation',
  title: 'Charte éthique votée',
  itemType: 'milestone',
  itemId: 'ms-1',
  rule: 'escalation',
  runDate: '2026-11-28',
  dueDate: '2026-11-14',
});
const OVERDUE_READ = aNotification({
  id: 'n-overdue',
  title: 'Cartographier les données',
  itemId: 'act-3',
  rule: 'overdue',
  runDate: '2026-11-21',
  dueDate: '2026-11-20',
  readAt: '2026-11-21T08:00:00.000Z',
});

/** an indicator not measured for 60 days, with the rule at 30 days: its second reminder */
const STALE = aNotification({
  id: 'n-stale',
  title: 'Jeux de données ouverts',
  itemType: 'indicator',
  itemId: 'ind-1',
  functionId: 'fn-1',
  rule: 'stale',
  runDate: '2026-11-28',
  dueDate: '2026-10-29',
});

const THREE_UNREAD: NotificationsView = {
  unread: 3,
  items: [BEFORE, DUE, ESCALATION, OVERDUE_READ],
};

describe('reminderPhrase', () => {
  it.each([
    [BEFORE, 'échéance dans 7 jours — 5 déc. 2026'],
    [aNotification({ runDate: '2026-12-04', dueDate: '2026-12-05' }), 'échéance dans 1 jour — 5 déc. 2026'],
    [DUE, 'échéance aujourd’hui — 28 nov. 2026'],
    [
      aNotification({
        rule: 'overdue',
        runDate: '2026-12-19',
        dueDate: '2026-12-05',
      }),
      'en retard de 14 jours — 5 déc. 2026',
    ],
    [ESCALATION, 'remonté : en retard de 14 jours — 14 nov. 2026'],
    [STALE, 'mesure attendue depuis 30 jours — 29 oct. 2026'],
    [aNotification({ ...STALE, runDate: '2026-10-29' }), 'mesure attendue — 29 oct. 2026'],
  ])('says what the reminder is about', (notification, phrase) => {
    expect(reminderPhrase(notification)).toBe(phrase);
  });
});

describe('ReminderBell', () => {
  let fixture: ComponentFixture<ReminderBell>;
  let http: HttpTestingController;
  let bell: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ReminderBell],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'actions/:id', component: BlankPage },
          { path: 'jalons/:id', component: BlankPage },
          { path: '**', component: BlankPage },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    jest.useRealTimers();
    http.verify({ ignoreCancelled: true });
  });

  /** Answers every pending request for the list (a newer one cancels the older). */
  function answer(view: NotificationsView): number {
    const pending = http.match(LIST).filter((r) => !r.cancelled);
    for (const req of pending) req.flush(view);
    fixture.detectChanges();
    return pending.length;
  }

  function create(view: NotificationsView = THREE_UNREAD): void {
    fixture = TestBed.createComponent(ReminderBell);
    bell = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    expect(answer(view)).toBe(1);
  }

  const button = (): HTMLButtonElement => must(bell.querySelector<HTMLButtonElement>('[data-testid="bell"]'));
  const panel = (): HTMLElement | null => bell.querySelector('[data-testid="bell-panel"]');
  /** Each reminder: what it is (and whether it is unread), its title, what it says. */
  const items = (): string[] =>
    Array.from(bell.querySelectorAll('.bell__item')).map((li) =>
      ['.bell__kind', 'a', '.bell__when'].map((part) => text(li.querySelector(part))).join(' | '),
    );

  async function openPanel(view: NotificationsView = THREE_UNREAD) {
    button().click();
    fixture.detectChanges();
    // opening asks for the latest list
    expect(answer(view)).toBe(1);
    await fixture.whenStable();
  }

  it('names the button with the unread count, shown as a badge', async () => {
    create();
    expect(accessibleName(button())).toBe('Rappels, 3 non lus');
    expect(text(bell.querySelector('.bell__badge'))).toBe('3');
    expect(button().getAttribute('aria-expanded')).toBe('false');
    // no reference to a panel that is not there
    expect(button().hasAttribute('aria-controls')).toBe(false);
    expect(panel()).toBeNull();

    await TestBed.inject(Router).navigateByUrl('/chronogramme');
    answer({ unread: 1, items: [BEFORE] });
    expect(accessibleName(button())).toBe('Rappels, 1 non lu');

    await TestBed.inject(Router).navigateByUrl('/');
    answer({ unread: 0, items: [OVERDUE_READ] });
    expect(accessibleName(button())).toBe('Rappels');
    expect(bell.querySelector('.bell__badge')).toBeNull();
  });

  it('opens a panel of the latest reminders, unread ones marked, each linked to its item', async () => {
    create();
    await openPanel();

    expect(button().getAttribute('aria-expanded')).toBe('true');
    expect(button().getAttribute('aria-controls')).toBe(panel()?.id);
    // the keyboard goes to the panel
    expect(document.activeElement).toBe(panel()?.querySelector('h2'));
    expect(items()).toEqual([
      'Action non lu | Installer le comité d’éthique | échéance dans 7 jours — 5 déc. 2026',
      'Action non lu | Nommer le ou la DPO | échéance aujourd’hui — 28 nov. 2026',
      'Jalon non lu | Charte éthique votée | remonté : en retard de 14 jours — 14 nov. 2026',
      'Action | Cartographier les données | en retard de 1 jour — 20 nov. 2026',
    ]);
    expect(Array.from(bell.querySelectorAll('.bell__item a')).map((a) => a.getAttribute('href'))).toEqual([
      '/actions/act-1',
      '/actions/act-2',
      '/jalons/ms-1',
      '/actions/act-3',
    ]);
  });

  it('names an indicator’s reminder as such and links it to its function’s page', async () => {
    create();
    await openPanel({ unread: 1, items: [STALE] });
    expect(items()).toEqual(['Indicateur non lu | Jeux de données ouverts | mesure attendue depuis 30 jours — 29 oct. 2026']);
    expect(must(bell.querySelector('.bell__item a')).getAttribute('href')).toBe('/fonctions/fn-1');
  });

  it('names a deleted indicator’s reminder without a link to nowhere', async () => {
    create();
    await openPanel({ unread: 1, items: [{ ...STALE, functionId: null }] });
    expect(bell.querySelector('.bell__item a')).toBeNull();
    expect(text(must(bell.querySelector('.bell__gone')))).toBe('Jeux de données ouverts — supprimé depuis');
  });

  it('marks a reminder read when its item is opened, and the count drops at once', async () => {
    create();
    await openPanel();

    must(
      Array.from(bell.querySelectorAll<HTMLAnchorElement>('.bell__item a')).find((a) => text(a) === 'Installer le comité d’éthique'),
    ).click();
    fixture.detectChanges();
    const read = http.expectOne({
      method: 'POST',
      url: '/api/notifications/n-before/read',
    });
    expect(panel()).toBeNull();
    expect(accessibleName(button())).toBe('Rappels, 2 non lus');

    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/actions/act-1');
    // an answer asked before the mark was recorded does not bring the count back up
    answer(THREE_UNREAD);
    expect(accessibleName(button())).toBe('Rappels, 2 non lus');

    read.flush(null, { status: 204, statusText: 'No Content' });
    answer({
      unread: 2,
      items: [DUE, ESCALATION, { ...BEFORE, readAt: '2026-11-28T09:00:00.000Z' }],
    });
    expect(accessibleName(button())).toBe('Rappels, 2 non lus');
  });

  it('« Tout marquer comme lu » marks them all, says so, and the badge goes', async () => {
    create();
    await openPanel();

    const all = must(Array.from(panel()?.querySelectorAll('button') ?? []).find((b) => text(b) === 'Tout marquer comme lu'));
    all.click();
    http.expectOne({ method: 'POST', url: '/api/notifications/read-all' }).flush(null, { status: 204, statusText: 'No Content' });
    fixture.detectChanges();
    await fixture.whenStable();

    expect(text(panel()?.querySelector('[role="status"]'))).toBe('Tous les rappels sont marqués comme lus.');
    expect(accessibleName(button())).toBe('Rappels');
    expect(bell.querySelector('.bell__badge')).toBeNull();
    expect(bell.querySelectorAll('.bell__item.is-unread')).toHaveLength(0);
    // nothing left to mark: the keyboard is back on the panel's title
    expect(document.activeElement).toBe(panel()?.querySelector('h2'));
    answer({
      unread: 0,
      items: THREE_UNREAD.items.map((n) => ({
        ...n,
        readAt: n.readAt ?? '2026-11-28T09:00:00.000Z',
      })),
    });
  });

  it('closes with Escape and gives the keyboard back to the button', async () => {
    create();
    await openPanel();
    must(panel()?.querySelector('h2')).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    fixture.detectChanges();
    expect(panel()).toBeNull();
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button());
  });

  it('says so in the panel when the reminders cannot be loaded', () => {
    const failure = () =>
      http
        .expectOne(LIST)
        .flush({ statusCode: 500, error: 'internal', message: 'Erreur du serveur.' }, { status: 500, statusText: 'Internal Server Error' });
    fixture = TestBed.createComponent(ReminderBell);
    bell = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    failure();
    fixture.detectChanges();
    expect(accessibleName(button())).toBe('Rappels');

    button().click();
    fixture.detectChanges();
    failure();
    fixture.detectChanges();
    expect(text(panel()?.querySelector('[role="alert"]'))).toBe('Impossible de charger les rappels : Erreur du serveur.');
  });

  it('asks again every five minutes, never faster, and stops once gone', () => {
    jest.useFakeTimers({
      doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'],
    });
    create({ unread: 0, items: [] });

    jest.advanceTimersByTime(2 * 60_000);
    http.expectNone(LIST);
    jest.advanceTimersByTime(REMINDERS_REFRESH_MS - 2 * 60_000);
    expect(answer({ unread: 1, items: [BEFORE] })).toBe(1);
    expect(accessibleName(button())).toBe('Rappels, 1 non lu');

    // signed out: the header drops the bell, which asks no more
    fixture.destroy();
    jest.advanceTimersByTime(3 * REMINDERS_REFRESH_MS);
    http.expectNone(LIST);
  });
});
