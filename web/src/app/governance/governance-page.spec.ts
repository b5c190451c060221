import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { must, text } from '../testing/dom';
import { aChronogram, aPerson, aRoadmap } from '../testing/factories';
import { refusal, ruleBroken, setUpRoutedTest } from '../testing/http';
import { aMe } from '../testing/session';
import { GovernancePage } from './governance-page';
import { aDecision, aMeeting, aMeetingSummary, anInstance } from './testing/governance-factories';

describe('GovernancePage — « Gouvernance »', () => {
  let http: HttpTestingController;
  let page: HTMLElement;
  let harness: RouterTestingHarness;

  async function open(me = aMe()) {
    http = setUpRoutedTest(
      [
        { path: 'gouvernance', component: GovernancePage },
        { path: 'r/:slug/reunions/:meetingId', children: [] },
      ],
      me,
    );
    TestBed.inject(CurrentRoadmap).set(aRoadmap({ id: 'rm-1', slug: 'brest-2026-2032' }));
    harness = await RouterTestingHarness.create('/gouvernance?roadmap=rm-1');
    http
      .expectOne('/api/roadmaps/rm-1/instances')
      .flush([anInstance({ meetings: 2 }), anInstance({ id: 'in-2', name: 'Instance éthique', meetings: 0 })]);
    http
      .expectOne('/api/roadmaps/rm-1/meetings')
      .flush([
        aMeetingSummary({ id: 'mt-2', date: '2027-01-14', title: null, decisions: 0 }),
        aMeetingSummary({ id: 'mt-1', date: '2026-06-25', decisions: 2 }),
      ]);
    http
      .expectOne('/api/roadmaps/rm-1/meetings/next')
      .flush(aMeetingSummary({ id: 'mt-2', date: '2027-01-14', title: null, decisions: 0 }));
    http
      .expectOne('/api/roadmaps/rm-1/decisions')
      .flush([aDecision({ id: 'dec-2', kind: 'budget', text: 'Budget 2027 voté.' }), aDecision()]);
    await harness.fixture.whenStable();
    page = must(harness.routeNativeElement);
  }
  afterEach(() => http.verify());

  const rows = () => Array.from(page.querySelectorAll('[data-testid="meetings-table"] tbody tr'));
  const decisionIds = () =>
    Array.from(page.querySelectorAll('[data-testid="decision-list"] [data-decision]')).map((li) => li.getAttribute('data-decision'));
  async function set(id: string, value: string) {
    const el = must(page.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`), id);
    el.value = value;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input'));
    await harness.fixture.whenStable();
  }

  it('highlights the next meeting and lists the meetings newest first with their instance and number of decisions', async () => {
    await open();
    expect(text(page.querySelector('[data-testid="next-meeting"]'))).toContain('14/01/2027 · Comité de pilotage');
    expect(rows().map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => text(c)))).toEqual([
      ['14/01/2027', 'Comité de pilotage', 'Réunion du 14/01/2027 prochaine', '0'],
      ['25/06/2026', 'Comité de pilotage', 'Validation du plan', '2'],
    ]);
    expect(rows()[0].classList.contains('is-next')).toBe(true);
    expect(rows()[1].querySelector('a')?.getAttribute('href')).toBe('/r/brest-2026-2032/reunions/mt-1');
    expect(text(page.querySelector('[data-instance="in-1"]'))).toContain('2 réunions');
  });

  it('filters the decisions by kind on the page and by dates through the API', async () => {
    await open();
    expect(decisionIds()).toEqual(['dec-2', 'dec-1']);
    await set('decisions-kind', 'validation');
    expect(decisionIds()).toEqual(['dec-1']);
    expect(text(page.querySelector('[data-testid="decisions"] [role="status"]'))).toBe('1 décision');
    await set('decisions-since', '2026-07-01');
    const req = http.expectOne((r) => r.url === '/api/roadmaps/rm-1/decisions');
    expect(req.request.params.get('since')).toBe('2026-07-01');
    req.flush([aDecision({ id: 'dec-2', kind: 'budget' })]);
    await harness.fixture.whenStable();
    expect(decisionIds()).toEqual([]);
    expect(text(page.querySelector('[data-testid="decisions"] [role="status"]'))).toBe('0 décision');
  });

  it('shows no write control to an elected member', async () => {
    await open(aMe({ role: 'elected' }));
    expect(page.querySelector('[data-testid="instance-form"]')).toBeNull();
    expect(Array.from(page.querySelectorAll('button')).map((b) => text(b))).not.toContain('Nouvelle réunion');
    expect(Array.from(page.querySelectorAll('button')).map((b) => text(b))).not.toContain('Renommer');
  });

  it('puts the keyboard on the instance’s name when it is missing or refused', async () => {
    await open();
    const form = must(page.querySelector('[data-testid="instance-form"]'));
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await harness.fixture.whenStable();
    const name = must(page.querySelector<HTMLInputElement>('#instance-name'));
    expect(text(page.querySelector('#instance-name-error'))).toBe('Donnez un nom à l’instance.');
    expect(document.activeElement).toBe(name);

    await set('instance-name', 'Comité de pilotage');
    name.blur();
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    http.expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/instances' }).flush(...ruleBroken('name', 'Une instance porte déjà ce nom.'));
    await harness.fixture.whenStable();
    expect(text(page.querySelector('#instance-name-error'))).toBe('Une instance porte déjà ce nom.');
    expect(document.activeElement).toBe(name);
  });

  it('says why an instance cannot be deleted while it has meetings', async () => {
    await open();
    must(page.querySelector<HTMLButtonElement>('[data-instance="in-1"] .button--danger')).click();
    http
      .expectOne({ method: 'DELETE', url: '/api/instances/in-1' })
      .flush(...refusal(409, 'conflict', 'Cette instance a tenu des réunions : supprimez-les d’abord.'));
    await harness.fixture.whenStable();
    expect(text(page.querySelector('[data-testid="instances"] [role="alert"]'))).toBe(
      'Cette instance a tenu des réunions : supprimez-les d’abord.',
    );
  });

  it('creates a meeting with an account, a typed name and an agenda item linked to an action, then opens its page', async () => {
    await open();
    const opener = Array.from(page.querySelectorAll<HTMLButtonElement>('button')).find((b) => text(b) === 'Nouvelle réunion');
    must(opener).click();
    await harness.fixture.whenStable();
    http.expectOne('/api/persons').flush([aPerson({ id: 'p-1', name: 'Camille Le Goff' })]);
    http.expectOne('/api/roadmaps/rm-1/chronogram').flush(aChronogram());
    await harness.fixture.whenStable();
    await set('meeting-new-date', '2027-01-14');
    await set('meeting-new-title', 'Bilan');
    await set('meeting-new-account', 'p-1');
    must(Array.from(page.querySelectorAll<HTMLButtonElement>('button')).find((b) => text(b) === 'Ajouter le compte')).click();
    await set('meeting-new-free-name', 'Maïl Le Berre');
    must(Array.from(page.querySelectorAll<HTMLButtonElement>('button')).find((b) => text(b) === 'Ajouter ce nom')).click();
    must(Array.from(page.querySelectorAll<HTMLButtonElement>('button')).find((b) => text(b) === 'Ajouter un point')).click();
    await harness.fixture.whenStable();
    await set('meeting-new-agenda-0-label', 'La charte');
    const itemSelect = must(page.querySelector<HTMLSelectElement>('#meeting-new-agenda-0-item'));
    const actionOption = must(Array.from(itemSelect.options).find((o) => o.value.startsWith('action:')));
    await set('meeting-new-agenda-0-item', actionOption.value);
    must(page.querySelector('[data-testid="meeting-new-form"]')).dispatchEvent(new Event('submit', { cancelable: true }));
    const req = http.expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/meetings' });
    expect(req.request.body).toEqual({
      instanceId: 'in-1',
      date: '2027-01-14',
      title: 'Bilan',
      attendees: [{ accountId: 'p-1' }, { name: 'Maïl Le Berre' }],
      agenda: [{ label: 'La charte', itemType: 'action', itemId: actionOption.value.slice('action:'.length) }],
      minutes: null,
    });
    req.flush(aMeeting({ id: 'mt-9' }));
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/r/brest-2026-2032/reunions/mt-9');
  });
});
