import { ChangeDetectionStrategy, Component, PLATFORM_ID, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { drawnInSteps } from './drawn-in-steps';

/** A page with a first screen and three sections drawn after it. */
const PAGE = `
    @if (ready()) {
      <h1>Tête</h1>
      @if (drawn() >= 1) {
        <section>Un</section>
      }
      @if (drawn() >= 2) {
        <section>Deux</section>
      }
      @if (drawn() >= 3) {
        <section>Trois</section>
      }
    }
`;

@Component({
  selector: 'jl-steps-probe',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: PAGE,
})
class StepsProbe {
  readonly ready = signal(false);
  protected readonly drawn = drawnInSteps(this.ready, 3);
}

/** The same page, its sections below a full screen waiting for the reader. */
@Component({
  selector: 'jl-reader-probe',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: PAGE,
})
class ReaderProbe {
  readonly ready = signal(false);
  protected readonly drawn = drawnInSteps(this.ready, 3, { waitForReader: true });
}

/** jsdom lays nothing out: the page is as high as `heights` says, one more section drawn per value */
function pageHeights(root: HTMLElement, heights: number[]): void {
  Object.defineProperty(document.documentElement, 'scrollHeight', {
    configurable: true,
    get: () => heights[Math.min(root.querySelectorAll('section').length, heights.length - 1)],
  });
}

const tasks = async (fixture: { detectChanges(): void }, n: number): Promise<void> => {
  for (let i = 0; i < n; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }
};

const sections = (root: HTMLElement): string[] => [...root.querySelectorAll('section')].map((s) => s.textContent?.trim() ?? '');

describe('drawnInSteps', () => {
  it('draws the first screen alone, then one section per task until the last; the page is busy until then', async () => {
    const fixture = TestBed.createComponent(StepsProbe);
    const root = fixture.nativeElement as HTMLElement;
    fixture.componentInstance.ready.set(true);
    fixture.detectChanges();
    expect(root.querySelector('h1')).not.toBeNull();
    expect(sections(root)).toEqual([]);
    const seen: number[] = [];
    // each step is its own task: watch the count between tasks
    for (let i = 0; i < 20 && sections(root).length < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      fixture.detectChanges();
      if (seen.at(-1) !== sections(root).length) seen.push(sections(root).length);
    }
    expect(seen).toEqual([1, 2, 3]);
    await fixture.whenStable();
    expect(sections(root)).toEqual(['Un', 'Deux', 'Trois']);
  });

  it('waits for the page to be ready, and counts as busy until every section is drawn (whenStable)', async () => {
    const fixture = TestBed.createComponent(StepsProbe);
    const root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sections(root)).toEqual([]);
    fixture.componentInstance.ready.set(true);
    await fixture.whenStable();
    expect(sections(root)).toEqual(['Un', 'Deux', 'Trois']);
  });

  it('on the server, draws every section with the first screen: the page is sent whole (ADR 0040)', () => {
    TestBed.configureTestingModule({ providers: [{ provide: PLATFORM_ID, useValue: 'server' }] });
    const fixture = TestBed.createComponent(ReaderProbe);
    const root = fixture.nativeElement as HTMLElement;
    fixture.componentInstance.ready.set(true);
    fixture.detectChanges();
    expect(sections(root)).toEqual(['Un', 'Deux', 'Trois']);
  });

  it('draws every section at once before printing', () => {
    const fixture = TestBed.createComponent(StepsProbe);
    const root = fixture.nativeElement as HTMLElement;
    fixture.componentInstance.ready.set(true);
    fixture.detectChanges();
    expect(sections(root)).toEqual([]);
    window.dispatchEvent(new Event('beforeprint'));
    // no task in between: the print is laid out right after the event
    expect(sections(root)).toEqual(['Un', 'Deux', 'Trois']);
  });

  describe('waiting for the reader', () => {
    afterEach(() => {
      delete (document.documentElement as { scrollHeight?: number }).scrollHeight;
    });

    it('draws the sections the screen shows, then waits, not busy, until the reader scrolls; then all of them', async () => {
      const fixture = TestBed.createComponent(ReaderProbe);
      const root = fixture.nativeElement as HTMLElement;
      // the screen is 768 px high: the head alone leaves room, with « Un » the page's bottom is far below
      pageHeights(root, [500, 2000, 3000, 4000]);
      fixture.componentInstance.ready.set(true);
      await fixture.whenStable();
      await tasks(fixture, 5);
      expect(sections(root)).toEqual(['Un']);
      window.dispatchEvent(new Event('scroll'));
      await fixture.whenStable();
      expect(sections(root)).toEqual(['Un', 'Deux', 'Trois']);
    });

    it('draws all of them on a key (Tab, find-in-page) or a touch', async () => {
      for (const event of [new KeyboardEvent('keydown', { key: 'f', ctrlKey: true }), new Event('touchstart')]) {
        const fixture = TestBed.createComponent(ReaderProbe);
        const root = fixture.nativeElement as HTMLElement;
        pageHeights(root, [2000]);
        fixture.componentInstance.ready.set(true);
        await fixture.whenStable();
        await tasks(fixture, 3);
        expect(sections(root)).toEqual([]);
        document.body.dispatchEvent(event);
        await fixture.whenStable();
        expect(sections(root)).toEqual(['Un', 'Deux', 'Trois']);
        fixture.destroy();
      }
    });

    it('draws every section at once before printing, reader or not', () => {
      const fixture = TestBed.createComponent(ReaderProbe);
      const root = fixture.nativeElement as HTMLElement;
      pageHeights(root, [2000]);
      fixture.componentInstance.ready.set(true);
      fixture.detectChanges();
      window.dispatchEvent(new Event('beforeprint'));
      expect(sections(root)).toEqual(['Un', 'Deux', 'Trois']);
    });
  });
});
