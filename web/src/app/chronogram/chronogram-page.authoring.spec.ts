import type { MeView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Router } from '@angular/router';

import { JlGantt } from '../gantt/gantt';
import { text } from '../testing/dom';
import { aChronogram, aFunction } from '../testing/factories';
import { setUpPageTest } from '../testing/http';
import { aMe } from '../testing/session';
import { ChronogramPage } from './chronogram-page';

// the page's logic, not frappe's drawing: the wrapper is replaced by a stub with the same API
jest.mock('../gantt/gantt', () => jest.requireActual('../gantt/testing/gantt-stub'));

const TWO_FUNCTIONS = aChronogram({ functions: [aFunction(), aFunction({ id: 'fn-rh', name: 'Ressources humaines', order: 2 })] });

// Creating from the chronogram: « Nouvelle action » / « Nouveau jalon » in the toolbar, « + » on the Gantt's rows.
describe('ChronogramPage, creating items', () => {
  let fixture: ComponentFixture<ChronogramPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  afterEach(() => http.verify());

  async function open(me: MeView = aMe(), inputs: Record<string, string> = { roadmap: 'rm-1' }, view = TWO_FUNCTIONS): Promise<void> {
    http = setUpPageTest(ChronogramPage, me);
    fixture = TestBed.createComponent(ChronogramPage);
    for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/roadmaps/rm-1/chronogram').flush(view);
    await fixture.whenStable();
  }

  const gantt = (): JlGantt => fixture.debugElement.query(By.directive(JlGantt)).componentInstance as JlGantt;
  const link = (name: string): HTMLAnchorElement | undefined =>
    Array.from(page.querySelectorAll<HTMLAnchorElement>('.toolbar a')).find((a) => text(a) === name);

  it('offers the project lead both creations, and « + » on every row', async () => {
    await open();
    expect(link('Nouvelle action')?.getAttribute('href')).toBe('/r/brest-2026-2032/actions/nouvelle');
    expect(link('Nouveau jalon')?.getAttribute('href')).toBe('/r/brest-2026-2032/jalons/nouveau');
    expect(['fn-ethique', 'fn-rh'].map((id) => gantt().canAddTo()(id))).toEqual([true, true]);
  });

  it('opens the creation page on the function whose « + » was pressed', async () => {
    await open();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    gantt().add.emit({ functionId: 'fn-rh' });
    expect(navigate).toHaveBeenCalledWith(['/r', 'brest-2026-2032', 'actions', 'nouvelle'], { queryParams: { fonction: 'fn-rh' } });
  });

  it('presets the function shown (?fonction=)', async () => {
    await open(aMe(), { roadmap: 'rm-1', fonction: 'fn-ethique' }, aChronogram());
    expect(link('Nouvelle action')?.getAttribute('href')).toBe('/r/brest-2026-2032/actions/nouvelle?fonction=fn-ethique');
  });

  it('keeps the creations in the table view', async () => {
    await open();
    Array.from(page.querySelectorAll('button'))
      .find((b) => text(b) === 'Tableau')
      ?.click();
    await fixture.whenStable();
    expect(link('Nouvelle action')).toBeDefined();
    expect(link('Nouveau jalon')).toBeDefined();
  });

  it('offers a function owner « + » on the rows of their functions only', async () => {
    await open(aMe({ role: 'owner', functionIds: ['fn-rh'] }));
    expect(link('Nouvelle action')).toBeDefined();
    expect(['fn-ethique', 'fn-rh'].map((id) => gantt().canAddTo()(id))).toEqual([false, true]);
  });

  it('offers no creation to a function owner on another function’s chronogram', async () => {
    await open(aMe({ role: 'owner', functionIds: ['fn-rh'] }), { roadmap: 'rm-1', fonction: 'fn-ethique' }, aChronogram());
    expect(link('Nouvelle action')).toBeUndefined();
  });

  it.each([
    ['an elected official', aMe({ role: 'elected' })],
    ['the administrator', aMe({ role: 'admin' })],
  ])('offers %s no creation at all', async (_who, me) => {
    await open(me);
    expect(link('Nouvelle action')).toBeUndefined();
    expect(link('Nouveau jalon')).toBeUndefined();
    expect(['fn-ethique', 'fn-rh'].map((id) => gantt().canAddTo()(id))).toEqual([false, false]);
  });
});
