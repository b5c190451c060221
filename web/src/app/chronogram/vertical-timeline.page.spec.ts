import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { text } from '../testing/dom';
import { aChronogram } from '../testing/factories';
import { setUpPageTest } from '../testing/http';
import { ChronogramPage } from './chronogram-page';

// the page's logic, not frappe's drawing: the wrapper is replaced by a stub with the same API
jest.mock('../gantt/gantt', () => jest.requireActual('../gantt/testing/gantt-stub'));

/** A window as wide as `phone` says, for `matchMedia('(max-width: 639.98px)')`, and a way to turn it. */
function screenWidth(phone: boolean): { turn: (phone: boolean) => void } {
  const listeners: Array<(e: { matches: boolean }) => void> = [];
  const list = {
    matches: phone,
    media: '(max-width: 639.98px)',
    addEventListener: (_: string, fn: (e: { matches: boolean }) => void) => listeners.push(fn),
    removeEventListener: jest.fn(),
  };
  Object.defineProperty(window, 'matchMedia', { configurable: true, writable: true, value: jest.fn(() => list) });
  return {
    turn: (now) => {
      list.matches = now;
      listeners.forEach((fn) => fn({ matches: now }));
    },
  };
}

describe('ChronogramPage on a phone', () => {
  let fixture: ComponentFixture<ChronogramPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  afterEach(() => {
    http.verify();
    delete (window as Partial<Window>).matchMedia;
  });

  async function open(): Promise<void> {
    http = setUpPageTest(ChronogramPage);
    fixture = TestBed.createComponent(ChronogramPage);
    fixture.componentRef.setInput('roadmap', 'rm-1');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/roadmaps/rm-1/chronogram').flush(aChronogram());
    await fixture.whenStable();
  }

  const button = (name: string): HTMLButtonElement | undefined => Array.from(page.querySelectorAll('button')).find((b) => text(b) === name);

  it('shows the vertical timeline instead of the Gantt below 640 px, and the Gantt when asked', async () => {
    screenWidth(true);
    await open();
    expect(page.querySelector('jl-vertical-timeline')).not.toBeNull();
    expect(page.querySelector('jl-gantt')).toBeNull();
    // the Gantt's scale has nothing to do on the timeline
    expect(button('Trimestre')).toBeUndefined();

    button('Voir le diagramme de Gantt')?.click();
    await fixture.whenStable();
    expect(page.querySelector('jl-gantt')).not.toBeNull();
    expect(page.querySelector('jl-vertical-timeline')).toBeNull();
    button('Voir la frise chronologique')?.click();
    await fixture.whenStable();
    expect(page.querySelector('jl-vertical-timeline')).not.toBeNull();
  });

  it('keeps the Gantt on a wider screen, and follows the screen when it turns', async () => {
    const screen = screenWidth(false);
    await open();
    expect(page.querySelector('jl-gantt')).not.toBeNull();
    expect(button('Voir la frise chronologique')).toBeUndefined();
    screen.turn(true);
    await fixture.whenStable();
    expect(page.querySelector('jl-vertical-timeline')).not.toBeNull();
  });

  it('shows the table, not the timeline, when the reader chose the table', async () => {
    screenWidth(true);
    await open();
    button('Tableau')?.click();
    await fixture.whenStable();
    expect(page.querySelector('jl-vertical-timeline')).toBeNull();
    expect(page.querySelector('table caption')).not.toBeNull();
  });
});
