import type { EvidenceView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { must, text } from '../testing/dom';
import { ruleBroken, setUpPageTest } from '../testing/http';
import { DecisionEvidence } from './decision-evidence';

const LINK: EvidenceView = {
  id: 'ev-1',
  itemType: 'decision',
  itemId: 'dec-1',
  title: 'Délibération du 25/06/2026',
  url: 'https://www.brest.fr/deliberations/2026-06-25.pdf',
  kind: 'deliberation',
  addedBy: null,
  addedAt: '2026-06-26T08:30:00.000Z',
};

describe('DecisionEvidence — a decision’s proof links', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<DecisionEvidence>;
  let host: HTMLElement;

  async function open(canWrite: boolean, links: EvidenceView[]) {
    http = setUpPageTest(DecisionEvidence);
    fixture = TestBed.createComponent(DecisionEvidence);
    fixture.componentRef.setInput('decisionId', 'dec-1');
    fixture.componentRef.setInput('canWrite', canWrite);
    fixture.componentRef.setInput('number', 2);
    host = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/decisions/dec-1/evidence').flush(links);
    await fixture.whenStable();
  }
  afterEach(() => http.verify());

  async function set(id: string, value: string) {
    const el = must(host.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`), id);
    el.value = value;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input'));
    await fixture.whenStable();
  }

  it('lists the links with their kind, and offers nothing to add to a reader', async () => {
    await open(false, [LINK]);
    expect(text(host.querySelector('[data-testid="decision-evidence"]'))).toBe('Preuves : Délibération du 25/06/2026 (Délibération)');
    expect(host.querySelector('a')?.getAttribute('href')).toBe(LINK.url);
    expect(host.querySelector('button')).toBeNull();
  });

  it('lets the lead add a link, with the API’s message next to the field at fault', async () => {
    await open(true, []);
    const opener = must(host.querySelector('button'));
    expect(opener.getAttribute('aria-label')).toBe('Ajouter une preuve à la décision 2');
    opener.click();
    await fixture.whenStable();
    await set('decision-dec-1-proof-title', 'Délibération du 25/06/2026');
    await set('decision-dec-1-proof-url', 'brest.fr');
    must(host.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    http
      .expectOne({ method: 'POST', url: '/api/decisions/dec-1/evidence' })
      .flush(...ruleBroken('url', 'L’adresse doit commencer par http:// ou https://.'));
    await fixture.whenStable();
    expect(text(host.querySelector('#decision-dec-1-proof-url-error'))).toBe('L’adresse doit commencer par http:// ou https://.');
    // the keyboard goes to the field to fix
    expect(document.activeElement).toBe(host.querySelector('#decision-dec-1-proof-url'));
    await set('decision-dec-1-proof-url', LINK.url);
    must(host.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    const req = http.expectOne({ method: 'POST', url: '/api/decisions/dec-1/evidence' });
    expect(req.request.body).toEqual({ title: 'Délibération du 25/06/2026', url: LINK.url, kind: 'deliberation' });
    req.flush(LINK);
    await fixture.whenStable();
    http.expectOne('/api/decisions/dec-1/evidence').flush([LINK]);
    await fixture.whenStable();
    expect(host.querySelector('form')).toBeNull();
    // the form is gone: the keyboard goes back to the button that opened it
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.activeElement).toBe(host.querySelector('button'));
    expect(text(host.querySelector('[data-testid="decision-evidence"]'))).toContain('Délibération du 25/06/2026');
  });
});
