import type { MeView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { text } from '../testing/dom';
import { aChronogram, aFunction } from '../testing/factories';
import { setUpPageTest } from '../testing/http';
import { aMe } from '../testing/session';
import { SCurveCharts } from '../progress/s-curve-chart';
import { anSCurve } from '../progress/testing/fake-charts';
import { FunctionPage } from './function-page';

jest.mock('../gantt/gantt', () => jest.requireActual('../gantt/testing/gantt-stub'));

// « + Nouvelle action » / « + Nouveau jalon » on a function's page, for whoever may write in it.
describe('FunctionPage, creating items', () => {
  let http: HttpTestingController;

  afterEach(() => http.verify());

  async function open(me: MeView): Promise<HTMLElement> {
    http = setUpPageTest(FunctionPage, me);
    jest.spyOn(TestBed.inject(SCurveCharts), 'draw').mockResolvedValue({ destroy: () => undefined }); // jsdom has no canvas
    const fixture = TestBed.createComponent(FunctionPage);
    fixture.componentRef.setInput('id', 'fn-ethique');
    fixture.componentRef.setInput('roadmap', 'rm-1');
    fixture.detectChanges();
    http.expectOne('/api/roadmaps/rm-1/functions/fn-ethique').flush(aFunction());
    http.expectOne((r) => r.url === '/api/roadmaps/rm-1/chronogram').flush(aChronogram());
    await fixture.whenStable();
    http.expectOne('/api/roadmaps/rm-1/functions/fn-ethique/indicators').flush([]); // its « Indicateurs » (indicators/)
    http.expectOne((r) => r.url === '/api/roadmaps/rm-1/s-curve').flush(anSCurve({ scope: 'function' })); // its S-curve (progress/)
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const links = (page: HTMLElement) =>
    Array.from(page.querySelectorAll<HTMLAnchorElement>('[data-testid="new-items"] a')).map((a) => [text(a), a.getAttribute('href')]);

  it.each([
    ['the project lead', aMe()],
    ['the function’s owner', aMe({ role: 'owner', functionIds: ['fn-ethique'] })],
  ])('offers %s to create an action or a milestone in it', async (_who, me) => {
    const page = await open(me);
    expect(links(page)).toEqual([
      ['+ Nouvelle action', '/r/brest-2026-2032/actions/nouvelle?fonction=fn-ethique'],
      ['+ Nouveau jalon', '/r/brest-2026-2032/jalons/nouveau?fonction=fn-ethique'],
    ]);
  });

  it.each([
    ['the owner of another function', aMe({ role: 'owner', functionIds: ['fn-rh'] })],
    ['an elected official', aMe({ role: 'elected' })],
    ['the administrator', aMe({ role: 'admin' })],
  ])('offers %s nothing to create', async (_who, me) => {
    const page = await open(me);
    expect(links(page)).toEqual([]);
  });
});
