import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { must, text } from '../testing/dom';
import { aRoadmap } from '../testing/factories';
import { setUpRoutedTest } from '../testing/http';
import { aMe } from '../testing/session';
import { RelevePage } from './releve-page';
import { aDecision, aLinkedItem, aMeeting } from './testing/governance-factories';

describe('RelevePage — the relevé de décisions', () => {
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    http = setUpRoutedTest([{ path: 'reunions/:meetingId/releve', component: RelevePage }], aMe({ role: 'elected' }));
    TestBed.inject(CurrentRoadmap).set(aRoadmap({ id: 'rm-1', slug: 'brest-2026-2032' }));
    const harness = await RouterTestingHarness.create('/reunions/mt-1/releve?roadmap=rm-1');
    http.expectOne('/api/meetings/mt-1').flush(
      aMeeting({
        decisions: [
          // as the API lists them, newest first: the relevé numbers them in the order taken
          aDecision({ id: 'dec-2', kind: 'replanification', date: '2026-06-26', text: 'La charte est reportée à décembre.' }),
          aDecision({ items: [aLinkedItem(), aLinkedItem({ type: 'milestone', id: 'ms-1', title: 'Charte votée' })] }),
        ],
      }),
    );
    await harness.fixture.whenStable();
    page = must(harness.routeNativeElement);
  });
  afterEach(() => http.verify());

  it('gives the title, instance, date and attendees, then the decisions numbered in the order taken, with their kind and items', () => {
    expect(text(page.querySelector('h1'))).toBe('Relevé de décisions');
    expect(text(page.querySelector('h1 + .releve__meta'))).toBe('Validation du plan — Comité de pilotage, le 25/06/2026');
    expect(text(page.querySelector('[data-testid="releve-attendees"]'))).toBe('Camille Le Goff, Maïl Le Berre.');
    const decisions = Array.from(must(page.querySelector('ol[data-testid="releve-decisions"]')).children);
    expect(decisions.map((li) => text(li))).toEqual([
      'Validation — 25/06/2026 Délibération du conseil du 25/06/2026 : le plan v1 est validé. Concerne : Rédiger la charte, Charte votée',
      'Replanification — 26/06/2026 La charte est reportée à décembre.',
    ]);
  });

  it('prints the page with « Imprimer »', () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    const button = must(Array.from(page.querySelectorAll('button')).find((b) => text(b) === 'Imprimer'));
    button.click();
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });
});
