import type { BaselineView, DecisionView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { accessibleName, must, text } from '../testing/dom';
import { refusal, ruleBroken, setUpRoutedTest } from '../testing/http';
import { aMe } from '../testing/session';
import { aRoadmap } from '../testing/factories';
import { BaselinesPage } from './baselines-page';
import { aBaseline, someSlips } from './testing/baselines';

const V2 = aBaseline({ id: 'bl-2', number: 2, label: 'v2 — après arbitrage', decision: null, actions: 41, milestones: 12 });
const V1 = aBaseline({ latest: false, createdBy: null });
const DECISIONS: DecisionView[] = [
  {
    id: 'd-1',
    roadmapId: 'rm-1',
    meetingId: null,
    meeting: null,
    date: '2026-06-25',
    kind: 'validation',
    text: 'Délibération du conseil du 25/06/2026',
    items: [],
    createdAt: '2026-06-25T10:00:00.000Z',
    createdBy: null,
  },
];

describe('BaselinesPage — « Lignes de base »', () => {
  let http: HttpTestingController;
  let page: HTMLElement;
  let harness: RouterTestingHarness;

  async function open(list: BaselineView[], me = aMe(), url = '/lignes-de-base?roadmap=rm-1') {
    http = setUpRoutedTest([{ path: 'lignes-de-base', component: BaselinesPage }], me);
    TestBed.inject(CurrentRoadmap).set(aRoadmap({ id: 'rm-1', slug: 'brest-2026-2032' }));
    harness = await RouterTestingHarness.create(url);
    http.expectOne('/api/roadmaps/rm-1/baselines').flush(list);
    await stable();
    // the freeze form's « Décision citée » lists the roadmap's decisions (the lead's only), and so does the
    // list when a baseline cites one
    for (const req of http.match('/api/roadmaps/rm-1/decisions')) req.flush(DECISIONS);
    await stable();
    page = must(harness.routeNativeElement, 'the page');
  }
  const stable = () => harness.fixture.whenStable();
  afterEach(() => http.verify());

  const row = (id: string) => must(page.querySelector(`tr[data-baseline="${id}"]`), `row ${id}`);
  const cells = (el: Element) => Array.from(el.querySelectorAll('th, td')).map((c) => text(c));
  const input = (id: string) => must(page.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`), id);
  function type(id: string, value: string): void {
    const el = input(id);
    el.value = value;
    el.dispatchEvent(new Event('input'));
  }
  const submitFreeze = () =>
    must(page.querySelector('[data-testid="freeze-form"]')).dispatchEvent(new Event('submit', { cancelable: true }));

  it('lists the baselines (number, label, decision, who and when, counts) and shows the slips of the latest', async () => {
    await open([V2, V1]);
    expect(text(page.querySelector('h1'))).toBe('Lignes de base');
    expect(cells(row('bl-2')).slice(0, 5)).toEqual([
      'v2',
      'v2 — après arbitrage la plus récente',
      '—',
      'Camille Le Goff25/06/2026 à 12:00',
      '41 actions, 12 jalons',
    ]);
    expect(cells(row('bl-1')).slice(0, 5)).toEqual([
      'v1',
      'v1 — plan voté',
      'Délibération du conseil du 25/06/2026',
      '—25/06/2026 à 12:00',
      '40 actions, 12 jalons',
    ]);
    // the latest alone may be deleted
    expect(row('bl-1').querySelector('[data-testid="delete-baseline"]')).toBeNull();
    expect(accessibleName(row('bl-2').querySelector('[data-testid="delete-baseline"]'))).toBe('Supprimer v2');

    http.expectOne('/api/baselines/bl-2/slips').flush(someSlips(V2));
    await stable();
    const slips = must(page.querySelector('[data-testid="slips"]'));
    expect(text(slips.querySelector('h2'))).toBe('Glissements par rapport à v2 — v2 — après arbitrage');
    const fnRows = Array.from(slips.querySelectorAll('[data-testid="slips-function"] tbody tr')).map(cells);
    expect(fnRows).toEqual([
      ['Éthique', '3', '1', '12', '12', '1', '1'],
      ['Juridique', '0', '0', '0', '0', '0', '0'],
    ]);
    expect(Array.from(slips.querySelectorAll('[data-testid="slips-phase"] tbody tr')).map(cells)).toEqual([
      ['Incubation post-électorale', '3', '1', '12', '12', '1', '1'],
    ]);
    // what moved, by default: the unchanged milestone is left out
    const itemRows = () => Array.from(slips.querySelectorAll('[data-testid="slips-items"] tbody tr')).map(cells);
    expect(itemRows()).toEqual([
      ['Action · Rédiger la charte', 'Éthique', '15/12/2026', '27/12/2026', '+12 j'],
      ['Action · Ancienne convention', 'Éthique', '15/12/2026', '—', 'supprimé'],
      ['Action · Registre RGPD', 'Éthique', '—', '27/12/2026', 'nouveau'],
    ]);
    expect(must(slips.querySelector('tr[data-item="act-1"] a')).getAttribute('href')).toBe('/r/brest-2026-2032/actions/act-1');
    expect(slips.querySelector('tr[data-item="act-2"] a')).toBeNull();
    const all = input('glissements-tous') as HTMLInputElement;
    all.click();
    await stable();
    expect(itemRows().map((r) => r[4])).toEqual(['+12 j', '0 j', 'supprimé', 'nouveau']);
    expect(text(slips.querySelector('p.field-hint:last-child'))).toBe('3 éléments ont bougé sur 4.');
  });

  it('names the governance decision a baseline cites', async () => {
    await open([{ ...V2, decisionId: 'd-1' }, V1], aMe({ role: 'elected' }));
    http.expectOne('/api/baselines/bl-2/slips').flush(someSlips(V2));
    await stable();
    expect(cells(row('bl-2'))[2]).toBe('Décision citée : 25/06/2026 — Validation — Délibération du conseil du 25/06/2026');
    expect(cells(row('bl-1'))[2]).toBe('Délibération du conseil du 25/06/2026');
  });

  it('shows the slips of the baseline chosen', async () => {
    await open([V2, V1]);
    http.expectOne('/api/baselines/bl-2/slips').flush(someSlips(V2));
    await stable();
    const see = must(row('bl-1').querySelector<HTMLButtonElement>('button[aria-pressed]'));
    expect(see.getAttribute('aria-pressed')).toBe('false');
    see.click();
    await stable();
    expect(see.getAttribute('aria-pressed')).toBe('true');
    http.expectOne('/api/baselines/bl-1/slips').flush(someSlips(V1));
    await stable();
    expect(text(page.querySelector('[data-testid="slips"] h2'))).toBe('Glissements par rapport à v1 — v1 — plan voté');
  });

  it('lets the lead freeze the plan: label and decision sent, the new baseline listed and shown', async () => {
    await open([]);
    expect(text(page.querySelector('[data-testid="baselines-empty"]'))).toContain('Aucune ligne de base');
    type('gel-label', '  v1 — plan voté ');
    type('gel-decision', 'Délibération du conseil du 25/06/2026');
    const cited = input('gel-decisionId') as unknown as HTMLSelectElement;
    expect(Array.from(cited.options).map((o) => o.textContent?.trim())).toEqual([
      'Aucune',
      '25/06/2026 — Validation — Délibération du conseil du 25/06/2026',
    ]);
    cited.value = 'd-1';
    cited.dispatchEvent(new Event('change'));
    await stable();
    submitFreeze();
    const req = http.expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/baselines' });
    expect(req.request.body).toEqual({ label: 'v1 — plan voté', decision: 'Délibération du conseil du 25/06/2026', decisionId: 'd-1' });
    req.flush(aBaseline());
    await stable();
    expect(text(page.querySelector('[data-testid="freeze-form"]')?.closest('section')?.querySelector('[role="status"]'))).toBe(
      'Ligne de base v1 figée : 40 actions et 12 jalons.',
    );
    http.expectOne('/api/roadmaps/rm-1/baselines').flush([aBaseline()]);
    await stable();
    http.expectOne('/api/baselines/bl-1/slips').flush(someSlips());
    await stable();
    expect(row('bl-1')).toBeTruthy();
    // the form is ready for the next one
    expect((input('gel-label') as HTMLInputElement).value).toBe('');
  });

  it('asks for a label before sending, and shows the API’s refusal on its field', async () => {
    await open([]);
    submitFreeze();
    await stable();
    expect(text(page.querySelector('#gel-label-error'))).toBe('Donnez un libellé à la ligne de base.');
    expect(input('gel-label').getAttribute('aria-describedby')).toContain('gel-label-error');
    type('gel-label', 'v1');
    type('gel-decision', 'x');
    submitFreeze();
    http.expectOne('/api/roadmaps/rm-1/baselines').flush(...ruleBroken('decision', 'decision doit compter au plus 500 caractères.'));
    await stable();
    expect(text(page.querySelector('#gel-decision-error'))).toBe('decision doit compter au plus 500 caractères.');
  });

  it('deletes the latest after a confirmation, and says a refusal in the dialog', async () => {
    await open([V2, V1]);
    http.expectOne('/api/baselines/bl-2/slips').flush(someSlips(V2));
    await stable();
    must(row('bl-2').querySelector<HTMLButtonElement>('[data-testid="delete-baseline"]')).click();
    await stable();
    const dialog = must(page.querySelector<HTMLDialogElement>('[data-testid="delete-baseline-dialog"]'));
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(text(dialog.querySelector('h2'))).toBe('Supprimer la ligne de base v2 « v2 — après arbitrage » ?');
    must(dialog.querySelector<HTMLButtonElement>('[data-testid="confirm-delete-baseline"]')).click();
    http
      .expectOne({ method: 'DELETE', url: '/api/baselines/bl-2' })
      .flush(...refusal(422, 'rule_broken', 'Seule la dernière référence peut être supprimée.'));
    await stable();
    expect(text(dialog.querySelector('[role="alert"]'))).toBe('Seule la dernière référence peut être supprimée.');

    must(dialog.querySelector<HTMLButtonElement>('[data-testid="confirm-delete-baseline"]')).click();
    http.expectOne({ method: 'DELETE', url: '/api/baselines/bl-2' }).flush(null, { status: 204, statusText: 'No Content' });
    await stable();
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(text(page.querySelector('[data-testid="baselines-status"]'))).toBe('La ligne de base v2 est supprimée.');
    http.expectOne('/api/roadmaps/rm-1/baselines').flush([{ ...V1, latest: true }]);
    await stable();
    http.expectOne('/api/baselines/bl-1/slips').flush(someSlips(V1));
    await stable();
    expect(page.querySelector('tr[data-baseline="bl-2"]')).toBeNull();
  });

  it('offers neither the form nor the deletion to a reader who is not the lead', async () => {
    await open([V2], aMe({ role: 'elected' }));
    http.expectOne('/api/baselines/bl-2/slips').flush(someSlips(V2));
    await stable();
    expect(page.querySelector('[data-testid="freeze-form"]')).toBeNull();
    expect(page.querySelector('[data-testid="delete-baseline"]')).toBeNull();
    expect(page.querySelector('[data-testid="slips"]')).not.toBeNull();
  });
});
