import type { RollUp } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { provideFrenchLocale } from '../locale';
import { aRollUp } from '../testing/factories';
import { must, text } from '../testing/dom';
import { ROLLUP_TABLE } from './rollup-cells';

@Component({
  selector: 'jl-host',
  imports: [ROLLUP_TABLE],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table>
      <thead>
        <tr jlRollUpHeads>
          <th scope="col">Phase</th>
          <th scope="col" class="num" jlAfter>Actions</th>
        </tr>
      </thead>
      <tbody>
        <tr jlRollUpCells [rollUp]="rollUp()" class="is-current">
          <th scope="row">Émergence</th>
          <td class="num" jlAfter>{{ rollUp()?.count }}</td>
          <td colspan="4" jlNone>Aucune action.</td>
        </tr>
      </tbody>
    </table>
  `,
})
class Host {
  readonly rollUp = signal<RollUp | null>(aRollUp({ progress: 61.1, expected: 93, health: 'late', count: 7 }));
}

describe('RollUpHeads and RollUpCells', () => {
  async function mount() {
    TestBed.configureTestingModule({ providers: [provideFrenchLocale()] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const cells = (selector: string): string[] =>
      Array.from(must(el.querySelector(selector)).children).map((c) => `${c.tagName} ${text(c)}`);
    return { fixture, el, cells };
  }

  it('puts the page’s cells around the three roll-up columns, in their order', async () => {
    const { el, cells } = await mount();
    expect(cells('thead tr')).toEqual(['TH Phase', 'TH Réalisé', 'TH Attendu', 'TH Calendrier', 'TH Actions']);
    expect(cells('tbody tr')).toEqual(['TH Émergence', 'TD 61,1 %', 'TD 93 %', 'TD En retard', 'TD 7']);
    expect(Array.from(el.querySelectorAll('thead th')).map((th) => th.getAttribute('scope'))).toEqual(['col', 'col', 'col', 'col', 'col']);
    const row = must(el.querySelector('tbody tr'));
    expect(row.className).toBe('is-current');
    expect(row.children[1].className).toBe('num');
    expect(row.children[1].querySelector('jl-progress-bar')).not.toBeNull();
    expect(row.children[3].querySelector('.health--late')).not.toBeNull();
  });

  it('says there is nothing there, in one cell, when there is no roll-up', async () => {
    const { fixture, cells, el } = await mount();
    fixture.componentInstance.rollUp.set(null);
    await fixture.whenStable();
    expect(cells('tbody tr')).toEqual(['TH Émergence', 'TD Aucune action.']);
    expect(el.querySelector('tbody td')?.getAttribute('colspan')).toBe('4');
  });
});
