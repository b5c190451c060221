import type { ChronogramBaselineView, ChronogramView } from '@jalons/contract';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { aBaseline } from '../baselines/testing/baselines';
import { must, text } from '../testing/dom';
import { JlGantt } from '../gantt/gantt';
import { aChronogram, aChronogramAction, anAction } from '../testing/factories';
import { refusal, ruleBroken, setUpRoutedTest } from '../testing/http';
import { aMe } from '../testing/session';
import { ChronogramPage } from './chronogram-page';

// the page's logic, not frappe's drawing: the wrapper is replaced by a stub with the same API
jest.mock('../gantt/gantt', () => jest.requireActual('../gantt/testing/gantt-stub'));

const CHRONO_URL = '/api/roadmaps/rm-1/chronogram';
const FROZEN: ChronogramBaselineView = {
  id: 'bl-1',
  number: 1,
  label: 'v1 — plan voté',
  decision: 'Délibération du conseil du 25/06/2026',
  items: [{ type: 'action', id: 'act-1', title: 'Rédiger la charte', start: '2024-02-01', due: '2024-04-20' }],
};

jest.setTimeout(30_000);

describe('ChronogramPage — compared with a baseline (?ligne=)', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;
  const url = () => TestBed.inject(Router).url;
  const stable = () => harness.fixture.whenStable();
  const chronogramRequest = (): TestRequest => http.expectOne((r) => r.url === CHRONO_URL);
  const view = (baseline?: ChronogramBaselineView): ChronogramView => ({
    ...aChronogram({ actions: [aChronogramAction({ id: 'act-1', title: 'Rédiger la charte', due: '2024-04-30' })] }),
    ...(baseline ? { baseline } : {}),
  });

  async function open(at: string): Promise<void> {
    http = setUpRoutedTest([{ path: 'chronogramme', component: ChronogramPage }], aMe());
    harness = await RouterTestingHarness.create(at);
    page = must(harness.routeNativeElement, 'the page');
  }
  afterEach(() => http.verify());

  const select = () => must(page.querySelector<HTMLSelectElement>('#chronogram-baseline'), 'the baseline select');
  const options = () => Array.from(select().options).map((o) => [text(o), o.selected]);

  it('asks for nothing more until the reader opens the choice, then lists the baselines and puts the choice in the URL', async () => {
    await open('/chronogramme?roadmap=rm-1');
    const req = chronogramRequest();
    expect(req.request.params.has('baseline')).toBe(false);
    req.flush(view());
    await stable();
    expect(page.querySelector('[data-testid="baseline-legend"]')).toBeNull();
    const reveal = must(
      Array.from(page.querySelectorAll('button')).find((b) => text(b) === 'Comparer à une ligne de base'),
      'the button',
    );
    reveal.click();
    await stable();
    http.expectOne('/api/roadmaps/rm-1/baselines').flush([aBaseline({ id: 'bl-2', number: 2, label: 'v2' }), aBaseline({ latest: false })]);
    await stable();
    expect(options()).toEqual([
      ['aucune', true],
      ['v2 — v2', false],
      ['v1 — v1 — plan voté', false],
    ]);
    expect(document.activeElement).toBe(select());

    select().value = 'bl-1';
    select().dispatchEvent(new Event('change'));
    await stable();
    expect(url()).toBe('/chronogramme?roadmap=rm-1&ligne=bl-1');
    const again = chronogramRequest();
    expect(again.request.params.get('baseline')).toBe('bl-1');
    again.flush(view(FROZEN));
    await stable();
    // the page drew itself again: the choice, open, lists them again
    http.expectOne('/api/roadmaps/rm-1/baselines').flush([aBaseline()]);
    await stable();
    expect(options()).toEqual([
      ['aucune', false],
      ['v1 — v1 — plan voté', true],
    ]);
    expect(text(page.querySelector('[data-testid="baseline-legend"]'))).toContain(
      'Trait gris sous une barre : les dates de l’action dans la ligne de base v1',
    );
  });

  it('opens compared with the baseline of the URL: the choice shown, the table’s « Glissement » column, back to none', async () => {
    await open('/chronogramme?roadmap=rm-1&ligne=bl-1&vue=tableau');
    const req = chronogramRequest();
    expect(req.request.params.get('baseline')).toBe('bl-1');
    req.flush(view(FROZEN));
    await stable();
    http.expectOne('/api/roadmaps/rm-1/baselines').flush([aBaseline()]);
    await stable();
    expect(options()).toEqual([
      ['aucune', false],
      ['v1 — v1 — plan voté', true],
    ]);
    expect(text(page.querySelector('[data-testid="slip"]'))).toBe('+10 j');

    select().value = '';
    select().dispatchEvent(new Event('change'));
    await stable();
    expect(url()).toBe('/chronogramme?roadmap=rm-1&vue=tableau');
    const none = chronogramRequest();
    expect(none.request.params.has('baseline')).toBe(false);
    none.flush(view());
    await stable();
    expect(page.querySelector('[data-testid="slip"]')).toBeNull();
  });

  it('shows the chronogram without a baseline deleted since the link was made', async () => {
    await open('/chronogramme?roadmap=rm-1&ligne=bl-9');
    chronogramRequest().flush(
      ...refusal(422, 'rule_broken', 'Une règle n’est pas respectée.', { errors: [{ field: 'baseline', message: 'Référence inconnue.' }] }),
    );
    const plain = chronogramRequest();
    expect(plain.request.params.has('baseline')).toBe(false);
    plain.flush(view());
    await stable();
    expect(text(page.querySelector('h1'))).toBe('Chronogramme');
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });

  it('asks for the reason of a drag refused for want of one, then sends the same move with it', async () => {
    await open('/chronogramme?roadmap=rm-1');
    chronogramRequest().flush(view());
    await stable();
    const gantt = harness.fixture.debugElement.query(By.directive(JlGantt)).componentInstance as JlGantt;
    gantt.replan.emit({ kind: 'action', id: 'act-1', start: '2024-04-15', due: '2024-06-14', version: 3 });
    const first = http.expectOne({ method: 'PATCH', url: '/api/actions/act-1' });
    expect(first.request.body).toEqual({ version: 3, start: '2024-04-15', due: '2024-06-14' });
    first.flush(
      ...ruleBroken(
        'reason',
        'Cette action fait partie de la dernière référence : indiquez le motif du changement de date (1 à 500 caractères).',
      ),
    );
    await stable();
    http.expectOne('/api/roadmaps/rm-1/decisions').flush([]);
    await stable();
    const asked = must(page.querySelector('[data-testid="replan-reason"]'), 'the reason form');
    expect(text(asked.querySelector('h2'))).toBe('Motif du report de « Rédiger la charte »');
    expect(text(asked.querySelector('p'))).toBe('Nouvelles dates : du 15/04/2024 au 14/06/2024.');
    const reason = must(page.querySelector<HTMLTextAreaElement>('#glisser-reason'));
    expect(document.activeElement).toBe(reason);

    reason.value = 'Comité reporté';
    reason.dispatchEvent(new Event('input'));
    await stable();
    asked.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    const again = http.expectOne({ method: 'PATCH', url: '/api/actions/act-1' });
    expect(again.request.body).toEqual({ version: 3, start: '2024-04-15', due: '2024-06-14', reason: 'Comité reporté' });
    again.flush(anAction({ due: '2024-06-14', version: 4 }));
    await stable();
    chronogramRequest().flush(view());
    await stable();
    expect(page.querySelector('[data-testid="replan-reason"]')).toBeNull();
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });
});
