import type { MyItemsView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { must, text } from '../testing/dom';
import { setUpRoutedTest } from '../testing/http';
import { aMe } from '../testing/session';
import { MyItemsPage } from './my-items-page';

function view(over: Partial<MyItemsView> = {}): MyItemsView {
  return {
    at: '2024-05-01',
    within: null,
    roadmaps: [
      {
        id: 'rm-1',
        slug: 'brest-2026-2032',
        territory: 'Ville et Métropole de Brest',
        mandateLabel: 'Mandat 2026–2032',
        start: '2024-01-01',
        end: '2025-02-03',
        items: [
          {
            kind: 'action',
            id: 'act-late',
            title: 'Rédiger la charte',
            functionId: 'fn-ethique',
            functionName: 'Éthique',
            start: '2024-02-01',
            due: '2024-04-30',
            status: 'en_cours',
            progress: 60,
            achievedOn: null,
            late: true,
            version: 4,
          },
          {
            kind: 'milestone',
            id: 'ms-1',
            title: 'Comité installé',
            functionId: 'fn-ethique',
            functionName: 'Éthique',
            start: null,
            due: '2024-05-20',
            status: null,
            progress: null,
            achievedOn: null,
            late: false,
            version: 2,
          },
        ],
      },
    ],
    ...over,
  };
}

describe('MyItemsPage — « Mes échéances »', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  async function open(url: string, answer: MyItemsView, me = aMe({ id: 'p-2', role: 'owner', functionIds: ['fn-ethique'] })) {
    http = setUpRoutedTest([{ path: 'mes-echeances', component: MyItemsPage }], me);
    harness = await RouterTestingHarness.create(url);
    http.expectOne((r) => r.url === '/api/me/items').flush(answer);
    await harness.fixture.whenStable();
    page = must(harness.routeNativeElement);
  }
  afterEach(() => http.verify());

  it('lists the person’s items by roadmap, the late ones flagged, each with the quick update', async () => {
    await open('/mes-echeances', view());
    expect(text(page.querySelector('h2'))).toBe('Ville et Métropole de Brest · Mandat 2026–2032');
    const rows = Array.from(page.querySelectorAll('tr[data-item]'));
    expect(rows.map((r) => text(r.querySelector('th')))).toEqual(['Rédiger la charte, En retard', 'Comité installé']);
    expect(must(rows[0].querySelector('a')).getAttribute('href')).toBe('/r/brest-2026-2032/actions/act-late');
    expect(page.querySelector('#review-act-late-status')).not.toBeNull();
    expect(page.querySelector('#review-ms-1-achievedOn')).not.toBeNull();
  });

  it('asks for the look-ahead of the URL (?sous=14) and says when nothing is due', async () => {
    http = setUpRoutedTest([{ path: 'mes-echeances', component: MyItemsPage }], aMe({ role: 'elected' }));
    harness = await RouterTestingHarness.create('/mes-echeances?sous=14');
    const req = http.expectOne((r) => r.url === '/api/me/items');
    expect(req.request.params.get('within')).toBe('14');
    req.flush(view({ within: 14, roadmaps: [] }));
    await harness.fixture.whenStable();
    page = must(harness.routeNativeElement);
    expect(text(page.querySelector('[data-testid="my-items-empty"]'))).toBe(
      'Rien n’arrive à échéance dans les 14 prochains jours, et rien n’est en retard.',
    );
  });

  it('tells someone who answers for nothing so, in a sentence', async () => {
    await open('/mes-echeances', view({ roadmaps: [] }), aMe({ role: 'admin' }));
    expect(text(page.querySelector('[data-testid="my-items-empty"]'))).toBe('Vous n’avez aucune action ni aucun jalon en cours à suivre.');
  });
});
