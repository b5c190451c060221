import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { must, text } from '../testing/dom';
import { DataTable } from './data-table';

@Component({
  selector: 'jl-host',
  imports: [DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section>
      <div jlDataTable label="Tableau des phases" [caption]="caption()" [testId]="testId()">
        <thead>
          <tr>
            <th scope="col">Phase</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Émergence</th>
          </tr>
        </tbody>
      </div>
    </section>
  `,
})
class Host {
  readonly caption = signal('Les phases du mandat');
  readonly testId = signal<string | null>('phases');
}

describe('DataTable', () => {
  async function mount() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return { fixture, el, region: must(el.querySelector<HTMLElement>('section > div'), 'region') };
  }

  it('is a named scrolling region the keyboard can reach', async () => {
    const { region } = await mount();
    expect(region.className).toBe('table-scroll');
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('aria-label')).toBe('Tableau des phases');
    expect(region.getAttribute('tabindex')).toBe('0');
  });

  it('holds the table, its hidden caption first, then the projected head and body', async () => {
    const { fixture, el, region } = await mount();
    const table = must(region.querySelector(':scope > table.data-table'), 'table');
    expect(Array.from(table.children).map((c) => c.tagName)).toEqual(['CAPTION', 'THEAD', 'TBODY']);
    expect(must(table.querySelector('caption')).className).toBe('visually-hidden');
    expect(text(table.querySelector('caption'))).toBe('Les phases du mandat');
    expect(text(table.querySelector('tbody th[scope="row"]'))).toBe('Émergence');
    expect(el.querySelector('[data-testid="phases"]')).toBe(table);

    fixture.componentInstance.caption.set('Autre légende');
    fixture.componentInstance.testId.set(null);
    await fixture.whenStable();
    expect(text(table.querySelector('caption'))).toBe('Autre légende');
    expect(table.hasAttribute('data-testid')).toBe(false);
  });
});
