import type { ChronogramView, MeView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { provideFrenchLocale } from '../locale';
import { must, text } from '../testing/dom';
import { aChronogram, aChronogramAction, aChronogramMilestone, aFunction, aPerson, aMilestone, anAction } from '../testing/factories';
import { provideHttpTesting, refusal, ruleBroken } from '../testing/http';
import { aMe, provideSession, provideXsrfCookie } from '../testing/session';
import { ChronogramTable } from './chronogram-table';

// at = 2024-05-01 (aRoadmap): « Rédiger » is late, « Installer » due in two weeks, « Nommer » in five months
function chronogram(): ChronogramView {
  return aChronogram({
    functions: [
      aFunction({ id: 'fn-ethique', name: 'Éthique', order: 1 }),
      aFunction({ id: 'fn-centrale', name: 'Fonction centrale', order: 0, owner: null }),
    ],
    actions: [
      aChronogramAction({
        id: 'act-late',
        title: 'Rédiger la charte',
        start: '2024-02-01',
        due: '2024-04-30',
        progress: 60,
        version: 4,
        provenance: { kind: 'pratique', reference: 'Charte de la donnée, Brest métropole (2022)' },
      }),
      aChronogramAction({
        id: 'act-soon',
        title: 'Installer le comité',
        start: '2024-04-15',
        due: '2024-05-15',
        progress: 50,
        version: 3,
        provenance: { kind: 'etude', reference: null },
      }),
      aChronogramAction({
        id: 'act-later',
        functionId: 'fn-centrale',
        title: 'Nommer l’administrateur',
        start: '2024-06-01',
        due: '2024-09-30',
        status: 'a_lancer',
        progress: 0,
        ownerId: 'p-1',
        version: 1,
      }),
    ],
    milestones: [
      aChronogramMilestone({
        id: 'ms-1',
        title: 'Comité installé',
        date: '2024-05-20',
        version: 2,
        provenance: { kind: 'etude', reference: null },
      }),
    ],
  });
}

@Component({
  selector: 'jl-table-host',
  imports: [ChronogramTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<jl-chronogram-table [chronogram]="view()" />`,
})
class TableHost {
  readonly view = signal(chronogram());
}

describe('ChronogramTable — the weekly review', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  async function open(me: MeView | null = aMe(), url = '/revue'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        ...provideHttpTesting(),
        provideXsrfCookie(),
        provideRouter([{ path: 'revue', component: TableHost }]),
        provideSession(me),
        provideFrenchLocale(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(url);
    page = must(harness.routeNativeElement);
  }
  afterEach(() => http.verify());

  const row = (id: string): HTMLTableRowElement => must(page.querySelector<HTMLTableRowElement>(`tr[data-item="${id}"]`), id);
  const control = <T extends HTMLElement>(id: string, field: string): T => must(row(id).querySelector<T>(`#review-${id}-${field}`), field);
  const titles = (): string[] => Array.from(page.querySelectorAll('tr[data-item] th[scope="row"] a')).map(text);

  async function type(id: string, field: string, value: string): Promise<void> {
    const el = control<HTMLInputElement | HTMLSelectElement>(id, field);
    el.value = value;
    el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input'));
    await harness.fixture.whenStable();
  }

  async function press(id: string, field: string, key: 'Enter' | 'Escape'): Promise<void> {
    control(id, field).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    await harness.fixture.whenStable();
  }

  it('gives the lead every cell to edit, each named after its row, and the comment and « Enregistrer » columns', async () => {
    await open();
    expect(Array.from(page.querySelectorAll('thead th')).map(text)).toContain('Commentaire');
    expect(control('act-soon', 'status').getAttribute('aria-label')).toBe('Statut de « Installer le comité »');
    expect(control<HTMLInputElement>('act-soon', 'progress').value).toBe('50');
    expect(control<HTMLInputElement>('act-soon', 'due').value).toBe('2024-05-15');
    expect(control('ms-1', 'date').getAttribute('aria-label')).toBe('Date de « Comité installé »');
    expect(row('ms-1').querySelector('#review-ms-1-progress')).toBeNull();
  });

  it('saves a row with its version on Enter, says « Enregistré » on that row and keeps the new version', async () => {
    await open();
    await type('act-soon', 'status', 'bloquee');
    await type('act-soon', 'comment', 'En attente du juriste');
    await press('act-soon', 'comment', 'Enter');
    const put = http.expectOne('/api/actions/act-soon/status');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ version: 3, status: 'bloquee', progress: 50, comment: 'En attente du juriste' });
    put.flush(anAction({ id: 'act-soon', status: 'bloquee', progress: 50, version: 4 }));
    await harness.fixture.whenStable();
    expect(text(row('act-soon').querySelector('[role="status"]'))).toBe('Enregistré');
    expect(control<HTMLInputElement>('act-soon', 'comment').value).toBe('');
    expect(text(row('act-late').querySelector('[role="status"]'))).toBe('');

    await type('act-soon', 'due', '2024-06-15');
    await press('act-soon', 'due', 'Enter');
    const patch = http.expectOne('/api/actions/act-soon');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ version: 4, due: '2024-06-15' });
    patch.flush(anAction({ id: 'act-soon', status: 'bloquee', due: '2024-06-15', version: 5 }));
  });

  it('sends status then due date, the second with the version the first gave, when both change', async () => {
    await open();
    await type('act-later', 'progress', '20');
    await type('act-later', 'status', 'en_cours');
    await type('act-later', 'due', '2024-10-31');
    await press('act-later', 'progress', 'Enter');
    http.expectOne('/api/actions/act-later/status').flush(anAction({ id: 'act-later', status: 'en_cours', progress: 20, version: 2 }));
    const patch = http.expectOne('/api/actions/act-later');
    expect(patch.request.body).toEqual({ version: 2, due: '2024-10-31' });
    patch.flush(anAction({ id: 'act-later', status: 'en_cours', progress: 20, due: '2024-10-31', version: 3 }));
    await harness.fixture.whenStable();
    expect(text(row('act-later').querySelector('[role="status"]'))).toBe('Enregistré');
  });

  it('puts the row’s values back on Escape, without sending anything', async () => {
    await open();
    await type('act-late', 'progress', '90');
    await type('act-late', 'status', 'terminee');
    await type('act-late', 'comment', 'brouillon');
    await press('act-late', 'progress', 'Escape');
    expect(control<HTMLInputElement>('act-late', 'progress').value).toBe('60');
    expect(control<HTMLSelectElement>('act-late', 'status').value).toBe('en_cours');
    expect(control<HTMLInputElement>('act-late', 'comment').value).toBe('');
    http.expectNone(() => true);
  });

  it('shows a 409 on its row only, with « recharger la ligne », while another row saves', async () => {
    await open();
    await type('act-late', 'progress', '70');
    await press('act-late', 'progress', 'Enter');
    await type('act-soon', 'progress', '55');
    await press('act-soon', 'progress', 'Enter');
    http.expectOne('/api/actions/act-late/status').flush(...refusal(409, 'version_conflict', 'Version périmée.', { currentVersion: 6 }));
    http.expectOne('/api/actions/act-soon/status').flush(anAction({ id: 'act-soon', progress: 55, version: 4 }));
    await harness.fixture.whenStable();
    expect(text(row('act-late').querySelector('[role="alert"]'))).toBe('Modifiée par quelqu’un depuis : recharger la ligne');
    expect(row('act-soon').querySelector('[role="alert"]')).toBeNull();
    expect(text(row('act-soon').querySelector('[role="status"]'))).toBe('Enregistré');

    must(row('act-late').querySelector<HTMLButtonElement>('[role="alert"] button')).click();
    http
      .expectOne('/api/actions/act-late')
      .flush(anAction({ id: 'act-late', progress: 80, status: 'en_cours', due: '2024-04-30', version: 6 }));
    await harness.fixture.whenStable();
    expect(row('act-late').querySelector('[role="alert"]')).toBeNull();
    expect(control<HTMLInputElement>('act-late', 'progress').value).toBe('80');
    await type('act-late', 'progress', '85');
    await press('act-late', 'progress', 'Enter');
    expect(http.expectOne('/api/actions/act-late/status').request.body).toMatchObject({ version: 6, progress: 85 });
  });

  it('shows a refusal next to its cell, tied to the control, and the domain’s before sending', async () => {
    await open();
    await type('act-soon', 'due', '2024-04-01');
    await press('act-soon', 'due', 'Enter');
    // before its start: the domain refuses at once
    expect(control('act-soon', 'due').getAttribute('aria-invalid')).toBe('true');
    expect(control('act-soon', 'due').getAttribute('aria-describedby')).toBe('review-act-soon-due-error');
    expect(text(page.querySelector('#review-act-soon-due-error'))).not.toBe('');

    await type('ms-1', 'date', '2024-06-01');
    await press('ms-1', 'date', 'Enter');
    const patch = http.expectOne('/api/milestones/ms-1');
    expect(patch.request.body).toEqual({ version: 2, date: '2024-06-01' });
    patch.flush(...ruleBroken('date', 'La date tombe un jour férié.'));
    await harness.fixture.whenStable();
    expect(text(page.querySelector('#review-ms-1-date-error'))).toBe('La date tombe un jour férié.');
    expect(control('ms-1', 'date').getAttribute('aria-describedby')).toBe('review-ms-1-date-error');
  });

  it('marks a milestone achieved from its « atteint le » cell', async () => {
    await open();
    await type('ms-1', 'achievedOn', '2024-04-28');
    await press('ms-1', 'achievedOn', 'Enter');
    const patch = http.expectOne('/api/milestones/ms-1');
    expect(patch.request.body).toEqual({ version: 2, achievedOn: '2024-04-28' });
    patch.flush(aMilestone({ id: 'ms-1', achievedOn: '2024-04-28', version: 3 }));
  });

  it('leaves another function’s rows read-only for a function owner, and every row for an elected official', async () => {
    await open(aMe({ id: 'p-2', role: 'owner', functionIds: ['fn-ethique'] }));
    expect(row('act-soon').querySelector('input, select')).not.toBeNull();
    expect(row('act-later').querySelector('input, select, button')).toBeNull();
    expect(text(row('act-later'))).toContain('À lancer');
    TestBed.resetTestingModule();

    await open(aMe({ role: 'elected' }));
    expect(page.querySelector('tbody input, tbody select, tbody button')).toBeNull();
    expect(Array.from(page.querySelectorAll('thead th')).map(text)).not.toContain('Commentaire');
  });

  describe('filters from the URL', () => {
    it('keeps the statuses asked for (actions only)', async () => {
      await open(aMe(), '/revue?statut=a_lancer');
      expect(titles()).toEqual(['Nommer l’administrateur']);
    });

    it('keeps the late items, then those due within N days (late ones included)', async () => {
      await open(aMe(), '/revue?enRetard=1');
      expect(titles()).toEqual(['Rédiger la charte']);
      await harness.navigateByUrl('/revue?sous=14');
      expect(titles()).toEqual(['Rédiger la charte', 'Installer le comité']);
      await harness.navigateByUrl('/revue?sous=30');
      expect(titles()).toEqual(['Rédiger la charte', 'Installer le comité', 'Comité installé']);
    });

    it('filters by owner and by phase, and says when nothing is left', async () => {
      await open(aMe(), '/revue?responsable=p-1');
      expect(titles()).toEqual(['Nommer l’administrateur']);
      await harness.navigateByUrl('/revue?phase=phase-4');
      expect(text(page.querySelector('tbody'))).toBe('Aucun élément ne correspond aux filtres.');
      await TestBed.inject(Router).navigateByUrl('/revue');
      await harness.fixture.whenStable();
      expect(titles()).toHaveLength(4);
    });

    it('keeps the items of one provenance, « locale » being those added in the app; each kit row shows its badge', async () => {
      await open(aMe(), '/revue?provenance=etude');
      expect(titles()).toEqual(['Installer le comité', 'Comité installé']);
      expect(text(row('act-soon').querySelector('[data-provenance]'))).toBe('Étude');
      await harness.navigateByUrl('/revue?provenance=locale');
      expect(titles()).toEqual(['Nommer l’administrateur']);
      expect(row('act-later').querySelector('[data-provenance]')).toBeNull();
      await harness.navigateByUrl('/revue?provenance=pratique&sous=60');
      expect(titles()).toEqual(['Rédiger la charte']);
      expect(text(row('act-late').querySelector('[data-provenance]'))).toBe('Pratique d’un territoire');
    });
  });
});

// keep the persons factory in use for readers of this file: owners are named from the chronogram's persons
void aPerson;
