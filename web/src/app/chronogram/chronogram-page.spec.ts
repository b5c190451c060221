import type { ChronogramView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Router } from '@angular/router';

import { AuthService } from '../data/auth.service';
import { JlGantt } from '../gantt/gantt';
import { text } from '../testing/dom';
import { aChronogram, aChronogramAction, aFunction, aRoadmap } from '../testing/factories';
import { refusal, ruleBroken, setUpPageTest } from '../testing/http';
import { aMe } from '../testing/session';
import { ChronogramPage } from './chronogram-page';
import { ChronogramPrefetch } from '../data/chronogram-prefetch';

// the page's logic, not frappe's drawing: the wrapper is replaced by a stub with the same API
jest.mock('../gantt/gantt', () => jest.requireActual('../gantt/testing/gantt-stub'));
type GanttStub = JlGantt & { scrolledToToday: number };

const CHRONO_URL = '/api/roadmaps/rm-1/chronogram';

describe('ChronogramPage', () => {
  let fixture: ComponentFixture<ChronogramPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    // the project lead: every change is offered
    http = setUpPageTest(ChronogramPage);
  });

  afterEach(() => http.verify());

  async function open(
    view: ChronogramView = aChronogram(),
    inputs: { roadmap?: string; fonction?: string; vue?: string } = { roadmap: 'rm-1' },
  ): Promise<void> {
    fixture = TestBed.createComponent(ChronogramPage);
    for (const [k, v] of Object.entries(inputs)) {
      fixture.componentRef.setInput(k, v);
    }
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne((r) => r.url === CHRONO_URL && r.method === 'GET').flush(view);
    await fixture.whenStable();
  }

  function gantt(): GanttStub {
    return fixture.debugElement.query(By.directive(JlGantt)).componentInstance as GanttStub;
  }

  function button(name: string): HTMLButtonElement {
    const found = Array.from(page.querySelectorAll('button')).find((b) => text(b) === name);
    if (!found) throw new Error(`no button « ${name} »`);
    return found;
  }

  function alertText(): string {
    return text(page.querySelector('[role="alert"]'));
  }

  it('loads the first roadmap’s chronogram and hands it to the chart', async () => {
    fixture = TestBed.createComponent(ChronogramPage);
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    expect(text(page.querySelector('[role="status"]'))).toBe('Chargement du chronogramme…');
    http.expectOne('/api/roadmaps').flush([aRoadmap()]);
    const view = aChronogram();
    http.expectOne(CHRONO_URL).flush(view);
    await fixture.whenStable();

    expect(text(page.querySelector('h1'))).toBe('Chronogramme');
    expect(gantt().chronogram()).toEqual(view);
    expect(gantt().editable()).toBe(false);
  });

  it('takes the chronogram the router already asked for, once: a reload asks again', async () => {
    TestBed.inject(ChronogramPrefetch).start('rm-1');
    const early = http.expectOne(CHRONO_URL);
    fixture = TestBed.createComponent(ChronogramPage);
    fixture.componentRef.setInput('roadmap', 'rm-1');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    // no second request while the first is on its way
    http.expectNone(CHRONO_URL);
    early.flush(aChronogram({ roadmap: aRoadmap({ territory: 'Ville de Quimper' }) }));
    await fixture.whenStable();
    expect(text(page.querySelector('.page-intro'))).toContain('Ville de Quimper');

    (fixture.componentInstance as unknown as { chronogram: { reload(): void } }).chronogram.reload();
    http.expectOne(CHRONO_URL).flush(aChronogram());
    await fixture.whenStable();
    expect(text(page.querySelector('.page-intro'))).not.toContain('Ville de Quimper');
  });

  it('asks for itself a chronogram the router asked for another roadmap', async () => {
    TestBed.inject(ChronogramPrefetch).start('rm-2');
    http.expectOne('/api/roadmaps/rm-2/chronogram').flush(aChronogram());
    await open(aChronogram(), { roadmap: 'rm-1' });
    expect(page.querySelector('jl-gantt')).not.toBeNull();
  });

  it('asks for one function’s chronogram with ?fonction=', async () => {
    fixture = TestBed.createComponent(ChronogramPage);
    fixture.componentRef.setInput('roadmap', 'rm-1');
    fixture.componentRef.setInput('fonction', 'fn-ethique');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne((r) => r.url === CHRONO_URL && r.params.get('functionId') === 'fn-ethique').flush(aChronogram());
    await fixture.whenStable();
    expect(text(page.querySelector('h1'))).toBe('Chronogramme : Éthique');
  });

  it('offers the exports as links to the API', async () => {
    await open();
    const links = Array.from(page.querySelectorAll('a[download]')).map((a) => [text(a), a.getAttribute('href')]);
    expect(links).toEqual([
      ['Exporter XLSX', '/api/roadmaps/rm-1/export?format=xlsx'],
      ['Exporter CSV', '/api/roadmaps/rm-1/export?format=csv'],
    ]);
  });

  it('switches the scale, says which one is on, and scrolls to today', async () => {
    await open();
    expect(button('Trimestre').getAttribute('aria-pressed')).toBe('true');
    button('Mois').click();
    await fixture.whenStable();
    expect(button('Mois').getAttribute('aria-pressed')).toBe('true');
    expect(button('Trimestre').getAttribute('aria-pressed')).toBe('false');
    expect(gantt().viewMode()).toBe('month');
    button('Aujourd’hui').click();
    expect(gantt().scrolledToToday).toBe(1);
  });

  it('turns editing on with « Modifier le planning »', async () => {
    await open();
    button('Modifier le planning').click();
    await fixture.whenStable();
    expect(button('Modifier le planning').getAttribute('aria-pressed')).toBe('true');
    expect(gantt().editable()).toBe(true);
  });

  it('shows the table in one click, and the chart again', async () => {
    await open();
    button('Tableau').click();
    await fixture.whenStable();
    expect(page.querySelector('jl-gantt')).toBeNull();
    expect(page.querySelector('table caption')).not.toBeNull();
    expect(button('Tableau').getAttribute('aria-pressed')).toBe('true');
    button('Chronogramme').click();
    await fixture.whenStable();
    expect(page.querySelector('jl-gantt')).not.toBeNull();
  });

  it('offers « Tableau » while the chronogram is on its way: chosen then, the table is what comes, no chart', async () => {
    fixture = TestBed.createComponent(ChronogramPage);
    fixture.componentRef.setInput('roadmap', 'rm-1');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    const read = http.expectOne(CHRONO_URL);
    expect(text(page.querySelector('[role="status"]'))).toBe('Chargement du chronogramme…');
    // the intro's line is kept (nothing moves under the pointer when the data comes), not read out
    expect(page.querySelector('.page-intro')?.getAttribute('aria-hidden')).toBe('true');
    button('Tableau').click();
    await fixture.whenStable();
    expect(button('Tableau').getAttribute('aria-pressed')).toBe('true');
    expect(page.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Présentation');

    read.flush(aChronogram());
    await fixture.whenStable();
    expect(page.querySelector('jl-gantt')).toBeNull();
    expect(page.querySelector('table caption')).not.toBeNull();
    expect(page.querySelector('.page-intro')?.getAttribute('aria-hidden')).toBeNull();
  });

  it('opens on the table with ?vue=tableau: the chart is not made first', async () => {
    await open(aChronogram(), { roadmap: 'rm-1', vue: 'tableau' });
    expect(page.querySelector('jl-gantt')).toBeNull();
    expect(page.querySelector('table caption')).not.toBeNull();
    expect(button('Tableau').getAttribute('aria-pressed')).toBe('true');
  });

  it('shows no « Tableau » switch when the chronogram cannot be read', async () => {
    fixture = TestBed.createComponent(ChronogramPage);
    fixture.componentRef.setInput('roadmap', 'rm-1');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne(CHRONO_URL).flush({ message: 'Feuille de route introuvable.' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(alertText()).toContain('Impossible de charger le chronogramme');
    expect(page.querySelector('[role="group"]')).toBeNull();
  });

  it('saves a moved bar with the item’s version, then reloads the chronogram', async () => {
    await open();
    gantt().replan.emit({
      kind: 'action',
      id: 'act-1',
      start: '2024-04-22',
      due: '2024-05-22',
      version: 3,
    });
    const req = http.expectOne('/api/actions/act-1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({
      version: 3,
      start: '2024-04-22',
      due: '2024-05-22',
    });
    req.flush({});
    await fixture.whenStable();
    const moved = aChronogram({
      actions: [
        aChronogramAction({
          start: '2024-04-22',
          due: '2024-05-22',
          version: 4,
        }),
      ],
    });
    http.expectOne(CHRONO_URL).flush(moved);
    await fixture.whenStable();

    expect(gantt().chronogram()).toEqual(moved);
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(text(page.querySelector('.chart-messages [role="status"]'))).toBe('Nouvelles dates enregistrées.');
  });

  it('moves a milestone through its date', async () => {
    await open();
    gantt().replan.emit({
      kind: 'milestone',
      id: 'ms-1',
      start: '2024-06-03',
      due: '2024-06-03',
      version: 2,
    });
    const req = http.expectOne('/api/milestones/ms-1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ version: 2, date: '2024-06-03' });
    req.flush({});
    await fixture.whenStable();
    http.expectOne(CHRONO_URL).flush(aChronogram());
    await fixture.whenStable();
  });

  it('on a version conflict, says why, puts the bar back and fetches the current versions', async () => {
    const view = aChronogram();
    await open(view);
    const drawn = gantt().chronogram();
    gantt().replan.emit({
      kind: 'action',
      id: 'act-1',
      start: '2024-04-22',
      due: '2024-05-22',
      version: 3,
    });
    http
      .expectOne('/api/actions/act-1')
      .flush(
        ...refusal(409, 'version_conflict', 'Cette action a été modifiée entre-temps (version 4) : rechargez-la.', { currentVersion: 4 }),
      );
    await fixture.whenStable();

    expect(alertText()).toBe('Modification refusée : Cette action a été modifiée entre-temps (version 4) : rechargez-la.');
    // a new object with the last good dates: the wrapper draws the bar where it was
    expect(gantt().chronogram()).not.toBe(drawn);
    expect(gantt().chronogram().actions[0].start).toBe('2024-04-15');

    http.expectOne(CHRONO_URL).flush(aChronogram({ actions: [aChronogramAction({ version: 4 })] }));
    await fixture.whenStable();
    expect(gantt().chronogram().actions[0].version).toBe(4);
    // the reason stays on screen after the reload
    expect(alertText()).toContain('modifiée entre-temps');
  });

  it('on a broken rule, shows the API’s reasons and puts the bar back', async () => {
    await open();
    const drawn = gantt().chronogram();
    gantt().replan.emit({
      kind: 'action',
      id: 'act-1',
      start: '2024-01-05',
      due: '2024-02-05',
      version: 3,
    });
    http
      .expectOne('/api/actions/act-1')
      .flush(...ruleBroken('start', 'L’action ne peut pas commencer avant la fin de l’action précédente.'));
    await fixture.whenStable();

    expect(alertText()).toBe(
      'Modification refusée : Une règle n’est pas respectée. L’action ne peut pas commencer avant la fin de l’action précédente.',
    );
    expect(gantt().chronogram()).not.toBe(drawn);
    expect(gantt().chronogram()).toEqual(drawn);
    // nothing else is asked: the data shown is still the current one
    http.expectNone(CHRONO_URL);
  });

  it('refuses dates outside the roadmap before asking the API', async () => {
    await open();
    const drawn = gantt().chronogram();
    gantt().replan.emit({
      kind: 'action',
      id: 'act-1',
      start: '2023-12-20',
      due: '2024-01-20',
      version: 3,
    });
    await fixture.whenStable();
    http.expectNone('/api/actions/act-1');
    expect(alertText()).toBe('Modification refusée : La date de début doit être comprise entre le 01/01/2024 et le 03/02/2025.');
    expect(gantt().chronogram()).not.toBe(drawn);
  });

  it('saves a dragged progress with the version, the status following', async () => {
    await open();
    gantt().progressChange.emit({ id: 'act-1', progress: 100, version: 3 });
    const req = http.expectOne('/api/actions/act-1/status');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({
      version: 3,
      status: 'terminee',
      progress: 100,
    });
    req.flush({});
    await fixture.whenStable();
    http.expectOne(CHRONO_URL).flush(aChronogram());
    await fixture.whenStable();
  });

  it('opens the detail page of a clicked item', async () => {
    await open();
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    gantt().open.emit({ kind: 'milestone', id: 'ms-1' });
    expect(navigate).toHaveBeenCalledWith(['/r', 'brest-2026-2032', 'jalons', 'ms-1']);
    gantt().open.emit({ kind: 'action', id: 'act-1' });
    expect(navigate).toHaveBeenCalledWith(['/r', 'brest-2026-2032', 'actions', 'act-1']);
  });

  describe('« Modifier le planning », by role', () => {
    const twoFunctions = aChronogram({
      functions: [aFunction(), aFunction({ id: 'fn-socle', code: 'socle', name: 'Socle de données' })],
    });
    const signIn = (me: ReturnType<typeof aMe>): void => TestBed.inject(AuthService).setSession(me);
    const offered = (): boolean => Array.from(page.querySelectorAll('button')).some((b) => text(b) === 'Modifier le planning');

    it('is offered to the project lead on the whole roadmap', async () => {
      await open(twoFunctions);
      expect(offered()).toBe(true);
    });

    it.each([
      ['an elected member', aMe({ role: 'elected' })],
      ['the administrator', aMe({ role: 'admin' })],
      ['a function owner, on the whole roadmap', aMe({ role: 'owner', functionIds: ['fn-ethique'] })],
    ])('is not offered to %s: the chart stays read-only', async (_who, me) => {
      signIn(me);
      await open(twoFunctions);
      expect(offered()).toBe(false);
      expect(gantt().editable()).toBe(false);
      // reading and exporting stay
      expect(page.querySelectorAll('a[download]')).toHaveLength(2);
    });

    it('is offered to a function owner on the chronogram of their function, not of another', async () => {
      signIn(aMe({ role: 'owner', functionIds: ['fn-ethique'] }));
      await open(aChronogram(), { roadmap: 'rm-1', fonction: 'fn-ethique' });
      expect(offered()).toBe(true);
      button('Modifier le planning').click();
      await fixture.whenStable();
      expect(gantt().editable()).toBe(true);

      await open(
        aChronogram({
          functions: [aFunction({ id: 'fn-socle', code: 'socle', name: 'Socle' })],
        }),
        { roadmap: 'rm-1', fonction: 'fn-socle' },
      );
      expect(offered()).toBe(false);
      expect(gantt().editable()).toBe(false);
    });
  });

  it('shows the API’s message when the chronogram cannot be loaded', async () => {
    fixture = TestBed.createComponent(ChronogramPage);
    fixture.componentRef.setInput('roadmap', 'rm-x');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/roadmaps/rm-x/chronogram').flush(...refusal(404, 'not_found', 'La feuille de route rm-x n’existe pas.'));
    await fixture.whenStable();
    expect(alertText()).toBe('Impossible de charger le chronogramme : La feuille de route rm-x n’existe pas.');
  });
});
