import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import type { GanttViewMode } from './gantt-layout';
import { JlTimeScale } from './time-scale';

@Component({
  selector: 'jl-host',
  imports: [JlTimeScale],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="toolbar">
    <jl-time-scale [mode]="mode()" modeClass="x-mode" (modeChange)="mode.set($event)" (today)="todays = todays + 1" />
  </div>`,
})
class Host {
  readonly mode = signal<GanttViewMode>('quarter');
  todays = 0;
}

describe('JlTimeScale', () => {
  const setUp = async () => {
    const fixture = TestBed.createComponent(Host);
    fixture.autoDetectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const scales = () => Array.from(el.querySelectorAll<HTMLButtonElement>('[role="group"] button'));
    return { fixture, el, scales };
  };

  it('offers month, quarter and year in a named group, the scale shown pressed, each button styled as the host asks', async () => {
    const { el, scales } = await setUp();
    expect(el.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Échelle de temps');
    expect(scales().map((b) => b.textContent?.trim())).toEqual(['Mois', 'Trimestre', 'Année']);
    expect(scales().map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false']);
    expect(scales().every((b) => b.classList.contains('button') && b.classList.contains('x-mode'))).toBe(true);
  });

  it('tells the host the scale chosen and the wish to see today', async () => {
    const { fixture, el, scales } = await setUp();
    scales()[2].click();
    await fixture.whenStable();
    expect(fixture.componentInstance.mode()).toBe('year');
    expect(scales().map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'true']);
    const today = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Aujourd’hui');
    today?.click();
    expect(fixture.componentInstance.todays).toBe(1);
  });
});
