import type { MeetingView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { must, text } from '../testing/dom';
import { aChronogram, aRoadmap } from '../testing/factories';
import { refusal, setUpRoutedTest } from '../testing/http';
import { aMe } from '../testing/session';
import { MeetingPage } from './meeting-page';
import { aDecision, aLinkedItem, aMeeting, anInstance } from './testing/governance-factories';

describe('MeetingPage — a meeting and its decisions', () => {
  let http: HttpTestingController;
  let page: HTMLElement;
  let harness: RouterTestingHarness;

  async function open(meeting: MeetingView = aMeeting(), me = aMe()) {
    http = setUpRoutedTest([{ path: 'reunions/:meetingId', component: MeetingPage }], me);
    TestBed.inject(CurrentRoadmap).set(aRoadmap({ id: 'rm-1', slug: 'brest-2026-2032' }));
    harness = await RouterTestingHarness.create(`/reunions/${meeting.id}?roadmap=rm-1`);
    http.expectOne(`/api/meetings/${meeting.id}`).flush(meeting);
    if (me.role === 'lead') {
      http.expectOne('/api/roadmaps/rm-1/instances').flush([anInstance()]);
      http.expectOne('/api/roadmaps/rm-1/chronogram').flush(aChronogram());
    }
    await harness.fixture.whenStable();
    // each decision's proof links
    for (const req of http.match((r) => /\/api\/decisions\/[^/]+\/evidence$/.test(r.url))) req.flush([]);
    await harness.fixture.whenStable();
    page = must(harness.routeNativeElement);
  }
  afterEach(() => http.verify());

  const button = (name: string) =>
    must(
      Array.from(page.querySelectorAll<HTMLButtonElement>('button')).find((b) => text(b) === name),
      name,
    );
  async function set(id: string, value: string) {
    const el = must(page.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#${id}`), id);
    el.value = value;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input'));
    await harness.fixture.whenStable();
  }

  it('shows the attendees, the agenda linked to its items, the minutes and the decisions with kind, items and proofs', async () => {
    await open(
      aMeeting({
        decisions: [aDecision({ items: [aLinkedItem({ type: 'milestone', id: 'ms-1', title: 'Charte votée' })] })],
      }),
      aMe({ role: 'elected' }),
    );
    expect(text(page.querySelector('h1'))).toBe('Validation du plan');
    expect(Array.from(page.querySelectorAll('[data-testid="attendees"] li')).map((li) => text(li))).toEqual([
      'Camille Le Goff',
      'Maïl Le Berre',
    ]);
    const agenda = Array.from(page.querySelectorAll('[data-testid="agenda"] li'));
    expect(agenda.map((li) => text(li))).toEqual(['La charte de la donnée — Rédiger la charte', 'Questions diverses']);
    expect(agenda[0].querySelector('a')?.getAttribute('href')).toBe('/r/brest-2026-2032/actions/act-1');
    expect(text(page.querySelector('[data-testid="minutes"] p'))).toBe('Le comité valide le plan.');
    const decision = must(page.querySelector('[data-decision="dec-1"]'));
    expect(text(decision.querySelector('h3'))).toBe('Décision 1 Validation');
    expect(decision.querySelector('a')?.getAttribute('href')).toBe('/r/brest-2026-2032/jalons/ms-1');
    expect(page.querySelector('a[href="/r/brest-2026-2032/reunions/mt-1/releve"]')).not.toBeNull();
    // nothing to write for an elected member
    expect(Array.from(page.querySelectorAll('button')).map((b) => text(b))).toEqual([]);
  });

  it('says « modifiée entre-temps » when the meeting changed since it was read', async () => {
    await open();
    button('Modifier la réunion').click();
    await harness.fixture.whenStable();
    http.expectOne('/api/persons').flush([]);
    http.expectOne('/api/roadmaps/rm-1/chronogram').flush(aChronogram());
    await harness.fixture.whenStable();
    await set('meeting-edit-title', 'Validation du plan (relu)');
    must(page.querySelector('[data-testid="meeting-edit-form"]')).dispatchEvent(new Event('submit', { cancelable: true }));
    const req = http.expectOne({ method: 'PATCH', url: '/api/meetings/mt-1' });
    expect(req.request.body).toEqual(expect.objectContaining({ version: 1, title: 'Validation du plan (relu)', instanceId: 'in-1' }));
    req.flush(...refusal(409, 'version_conflict', 'La réunion a changé depuis votre lecture.', { currentVersion: 2 }));
    await harness.fixture.whenStable();
    expect(text(page.querySelector('[data-testid="meeting-edit-form"] [role="alert"]'))).toContain(
      'Cette réunion a été modifiée entre-temps',
    );
  });

  it('adds a decision of the meeting, dated like it by default, linked to an action, then shows it', async () => {
    await open(aMeeting({ decisions: [] }));
    expect(text(page.querySelector('[data-testid="meeting-decisions"]'))).toContain('Aucune décision pour l’instant.');
    button('Ajouter une décision').click();
    await harness.fixture.whenStable();
    expect(must(page.querySelector<HTMLInputElement>('#decision-new-date')).value).toBe('2026-06-25');
    await set('decision-new-kind', 'budget');
    await set('decision-new-text', 'Budget 2027 voté.');
    const select = must(page.querySelector<HTMLSelectElement>('#decision-new-item'));
    const option = must(Array.from(select.options).find((o) => o.value.startsWith('action:')));
    await set('decision-new-item', option.value);
    button('Lier').click();
    await harness.fixture.whenStable();
    must(page.querySelector('[data-testid="decision-new-form"]')).dispatchEvent(new Event('submit', { cancelable: true }));
    const req = http.expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/decisions' });
    expect(req.request.body).toEqual({
      date: '2026-06-25',
      kind: 'budget',
      text: 'Budget 2027 voté.',
      meetingId: 'mt-1',
      items: [{ type: 'action', id: option.value.slice('action:'.length) }],
    });
    req.flush(aDecision({ id: 'dec-9', kind: 'budget', text: 'Budget 2027 voté.' }));
    await harness.fixture.whenStable();
    // the answer to the new reading comes after the browser's next turn, as over a network
    await new Promise((resolve) => setTimeout(resolve));
    http
      .expectOne('/api/meetings/mt-1')
      .flush(aMeeting({ decisions: [aDecision({ id: 'dec-9', kind: 'budget', text: 'Budget 2027 voté.' })] }));
    await harness.fixture.whenStable();
    http.expectOne('/api/decisions/dec-9/evidence').flush([]);
    await harness.fixture.whenStable();
    expect(text(page.querySelector('[data-decision="dec-9"]'))).toContain('Budget 2027 voté.');
    expect(text(page.querySelector('[role="status"]'))).toBe('Décision ajoutée.');
    // the keyboard lands on the new decision once the meeting is read again (its form is gone)
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.activeElement).toBe(page.querySelector('[data-decision="dec-9"] h3'));
  });

  it('gives the keyboard back to the button that opened a decision’s form when it is cancelled', async () => {
    await open();
    button('Modifier').click();
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.activeElement).toBe(page.querySelector('#decision-dec-1-text'));
    button('Annuler').click();
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.activeElement).toBe(button('Modifier'));
    // the decision shown again reads its proof links again
    http.expectOne('/api/decisions/dec-1/evidence').flush([]);

    button('Ajouter une décision').click();
    await harness.fixture.whenStable();
    button('Annuler').click();
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.activeElement).toBe(button('Ajouter une décision'));
  });

  it('deletes a decision', async () => {
    await open();
    button('Supprimer').click();
    http.expectOne({ method: 'DELETE', url: '/api/decisions/dec-1' }).flush(null, { status: 204, statusText: 'No Content' });
    await harness.fixture.whenStable();
    http.expectOne('/api/meetings/mt-1').flush(aMeeting({ decisions: [] }));
    await harness.fixture.whenStable();
    expect(page.querySelector('[data-decision]')).toBeNull();
    // its buttons are gone: the keyboard goes to the list's heading, not back to the top of the page
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.activeElement).toBe(page.querySelector('#titre-decisions-reunion'));
  });
});
