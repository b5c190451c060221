import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { drawnInSteps } from './drawn-in-steps';

/** A page with a first screen and three sections drawn after it. */
@Component({
  selector: 'jl-steps-probe',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
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
  `,
})
class StepsProbe {
  readonly ready = signal(false);
  protected readonly drawn = drawnInSteps(this.ready, 3);
}

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
});
