import type { TrashEntryView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { accessibleName, must, text } from '../testing/dom';
import { refusal, setUpRoutedTest } from '../testing/http';
import { aMe } from '../testing/session';
import { aRoadmap, anAction } from '../testing/factories';
import { TrashPage } from './trash-page';

function entry(over: Partial<TrashEntryView> = {}): TrashEntryView {
  return {
    itemType: 'action',
    id: 'act-1',
    title: 'Rédiger la charte',
    functionId: 'fn-ethique',
    functionName: 'Éthique',
    functionExists: true,
    deletedAt: '2024-05-02T08:30:00.000Z',
    expiresAt: '2024-07-31T08:30:00.000Z',
    deletedBy: { id: 'p-1', name: 'Camille Le Goff' },
    canRestore: true,
    ...over,
  };
}

describe('TrashPage — the Corbeille', () => {
  let http: HttpTestingController;
  let page: HTMLElement;
  let harness: RouterTestingHarness;

  async function open(list: TrashEntryView[] | 'forbidden', url = '/corbeille?roadmap=rm-1', me = aMe()) {
    http = setUpRoutedTest([{ path: 'corbeille', component: TrashPage }], me);
    TestBed.inject(CurrentRoadmap).set(aRoadmap({ id: 'rm-1', slug: 'brest-2026-2032' }));
    harness = await RouterTestingHarness.create(url);
    const req = http.expectOne('/api/roadmaps/rm-1/trash');
    if (list === 'forbidden') req.flush(...refusal(403, 'forbidden', 'Votre rôle ne permet pas cette opération.'));
    else req.flush(list);
    await harness.fixture.whenStable();
    page = harness.routeNativeElement!;
  }
  afterEach(() => http.verify());

  const rows = () => Array.from(page.querySelectorAll('tr[data-entry]'));
  const row = (id: string) => must(page.querySelector(`tr[data-entry="${id}"]`), `row ${id}`);
  const restoreButton = (id: string) => row(id).querySelector('button');

  it('lists the deleted items with their function, when and by whom, and « Restaurer » only where the person may', async () => {
    await open([
      entry(),
      entry({ itemType: 'milestone', id: 'ms-1', title: 'Comité installé', canRestore: false, deletedBy: null }),
      entry({ id: 'act-2', title: 'Action orpheline', functionName: 'Fonction retirée', functionExists: false }),
    ]);
    expect(text(page.querySelector('h1'))).toBe('Corbeille');
    expect(rows().map((r) => text(r.querySelector('th')))).toEqual([
      'Action · Rédiger la charte',
      'Jalon · Comité installé',
      'Action · Action orpheline',
    ]);
    expect(Array.from(row('act-1').querySelectorAll('td')).map((c) => text(c))).toEqual([
      'Éthique',
      '02/05/2024 à 10:30',
      'Camille Le Goff',
      'Restaurer Rédiger la charte',
    ]);
    expect(accessibleName(restoreButton('act-1'))).toBe('Restaurer Rédiger la charte');
    expect(restoreButton('ms-1')).toBeNull();
    expect(text(row('ms-1').querySelectorAll('td')[2])).toBe('—');
    expect(text(row('act-2').querySelector('td'))).toBe('Fonction retirée (supprimée)');
  });

  it('confirms the deletion it was opened for', async () => {
    await open([entry()], '/corbeille?roadmap=rm-1&supprime=act-1');
    expect(text(page.querySelector('[role="status"]'))).toBe(
      'L’action « Rédiger la charte » est dans la corbeille : vous pouvez la restaurer ici pendant 90 jours.',
    );
  });

  it('restores an item: the row links to it, says so, and lists the arrows left out', async () => {
    await open([entry(), entry({ id: 'act-2', title: 'Autre' })]);
    must(restoreButton('act-1')).click();
    await harness.fixture.whenStable();
    expect(text(restoreButton('act-1'))).toContain('Restauration…');
    const req = http.expectOne({ method: 'POST', url: '/api/actions/act-1/restore' });
    req.flush({
      item: anAction({ id: 'act-1' }),
      skippedDependencies: [
        {
          predecessorId: 'act-1',
          predecessorTitle: 'Rédiger la charte',
          successorId: 'act-9',
          successorTitle: 'Publier la charte',
          reason: 'La dépendance « Rédiger la charte » → « Publier la charte » n’a pas été rétablie : elle fermerait un cycle.',
        },
      ],
    });
    await harness.fixture.whenStable();
    expect(must(row('act-1').querySelector('th a')).getAttribute('href')).toBe('/r/brest-2026-2032/actions/act-1');
    expect(restoreButton('act-1')).toBeNull();
    expect(text(row('act-1'))).toContain('Restauré·e');
    expect(text(row('act-1'))).toContain('n’a pas été rétablie : elle fermerait un cycle.');
    expect(text(page.querySelector('[role="status"]'))).toBe('« Rédiger la charte » est restauré·e.');
    // the other rows are untouched
    expect(restoreButton('act-2')).not.toBeNull();
  });

  it('says a refused restore on its row, tied to its button, which stays', async () => {
    await open([entry({ itemType: 'milestone', id: 'ms-1', title: 'Comité installé' })]);
    must(restoreButton('ms-1')).click();
    http.expectOne({ method: 'POST', url: '/api/milestones/ms-1/restore' }).flush(
      ...refusal(422, 'rule_broken', 'Restauration impossible : la date du jalon doit être comprise entre …', {
        errors: [{ field: 'date', message: 'Restauration impossible : la date du jalon doit être comprise entre …' }],
      }),
    );
    await harness.fixture.whenStable();
    const error = must(row('ms-1').querySelector('[role="alert"]'));
    expect(text(error)).toBe('Restauration impossible : la date du jalon doit être comprise entre …');
    expect(must(restoreButton('ms-1')).getAttribute('aria-describedby')).toBe(error.id);
    expect(row('ms-1').querySelector('th a')).toBeNull();
  });

  it('says when the Corbeille is empty, and when the person may not open it', async () => {
    await open([]);
    expect(text(page.querySelector('[data-testid="trash-empty"]'))).toBe('La corbeille est vide.');
    TestBed.resetTestingModule();
    await open('forbidden', '/corbeille?roadmap=rm-1', aMe({ role: 'elected' }));
    expect(text(page.querySelector('[role="alert"]'))).toBe(
      'Impossible de charger la corbeille : Votre rôle ne permet pas cette opération.',
    );
    expect(page.querySelector('table')).toBeNull();
  });
});
