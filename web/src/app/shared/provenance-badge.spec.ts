import type { ProvenanceView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { I18n } from '../i18n/i18n';
import { provideFrenchLocale } from '../locale';
import { text } from '../testing/dom';
import { PhasePurpose } from './phase-purpose';
import { ProvenanceBadge } from './provenance-badge';

@Component({
  selector: 'jl-host',
  imports: [ProvenanceBadge, PhasePurpose],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p id="plain"><jl-provenance-badge [provenance]="provenance()" /></p>
    <p id="detailed"><jl-provenance-badge [provenance]="provenance()" detailed /></p>
    <p id="compact"><jl-provenance-badge [provenance]="provenance()" compact /></p>
    <p id="purpose"><jl-phase-purpose [purpose]="purpose()" /></p>
  `,
})
class Host {
  readonly provenance = signal<ProvenanceView | null | undefined>(null);
  readonly purpose = signal<string | null | undefined>(null);
}

describe('ProvenanceBadge and PhasePurpose', () => {
  async function mount() {
    TestBed.configureTestingModule({ providers: [provideFrenchLocale()] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const set = async (p: ProvenanceView | null | undefined, purpose: string | null = null) => {
      fixture.componentInstance.provenance.set(p);
      fixture.componentInstance.purpose.set(purpose);
      await fixture.whenStable();
    };
    return { el, set, at: (id: string) => text(el.querySelector(`#${id}`)) };
  }

  it('names each provenance in words (not by colour alone), shortly in a dense list', async () => {
    const { el, set, at } = await mount();
    const words = [];
    for (const kind of ['etude', 'pratique', 'exemple'] as const) {
      await set({ kind, reference: kind === 'pratique' ? 'Conférence de consensus, Brest métropole (2021)' : null });
      words.push([at('plain'), at('compact')]);
      expect(el.querySelector('#plain [data-provenance]')?.getAttribute('data-provenance')).toBe(kind);
    }
    expect(words).toEqual([
      ['Étude', 'Étude'],
      ['Pratique d’un territoire', 'Pratique'],
      ['Exemple à adapter', 'Exemple'],
    ]);
  });

  it('on the item’s page, adds the reference and what the provenance means; says « added in the app » when there is none', async () => {
    const { el, set, at } = await mount();
    await set({ kind: 'pratique', reference: 'Conférence de consensus, Brest métropole (2021)' });
    expect(at('detailed')).toBe(
      'Pratique d’un territoire Conférence de consensus, Brest métropole (2021) Ce qu’un autre territoire a fait ; la référence dit lequel.',
    );
    await set({ kind: 'etude', reference: null });
    expect(at('detailed')).toBe('Étude Nommée ou clairement impliquée par l’étude de préfiguration.');
    expect(el.querySelector('#detailed [data-testid="provenance-reference"]')).toBeNull();
    for (const none of [null, undefined]) {
      await set(none);
      expect([at('plain'), at('compact'), at('detailed')]).toEqual(['', '', 'Ajout dans l’application']);
    }
  });

  it('speaks the interface’s language', async () => {
    const { set, at } = await mount();
    await TestBed.inject(I18n).use('en');
    await set({ kind: 'exemple', reference: null });
    expect([at('plain'), at('compact')]).toEqual(['Example to adapt', 'Example']);
    await set(null);
    expect(at('detailed')).toBe('Added in the app');
  });

  it('shows a phase’s purpose as it is written, and nothing when the phase has none', async () => {
    const { el, set, at } = await mount();
    await set(null, 'Formuler collectivement le « pourquoi » du service.');
    expect(at('purpose')).toBe('Formuler collectivement le « pourquoi » du service.');
    await set(null, null);
    expect(el.querySelector('#purpose [data-testid="phase-purpose"]')).toBeNull();
  });
});
