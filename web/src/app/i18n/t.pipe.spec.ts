import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { text } from '../testing/dom';
import { I18n } from './i18n';
import { TranslatePipe } from './t.pipe';

/** An OnPush view: it must follow a switch of language without any input changing. */
@Component({
  selector: 'jl-host',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p id="plain">{{ 'Vue du mandat' | t: lang() }}</p>
    <p id="params">
      {{ 'Chef·fe de projet : {name}' | t: lang() : { name: lead() } }}
    </p>
    <p id="plural">{{ '{n} jour|{n} jours' | t: lang() : { n: days() } }}</p>
    <p id="missing">{{ 'Un texte sans traduction' | t: lang() }}</p>
    <p id="nothing">{{ null | t: lang() }}</p>
  `,
})
class Host {
  protected readonly lang = inject(I18n).lang;
  readonly lead = signal('Camille Le Goff');
  readonly days = signal(1);
}

afterEach(() => {
  localStorage.clear();
  document.documentElement.lang = 'fr';
});

describe('the t pipe', () => {
  async function mount() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return {
      fixture,
      read: (id: string) => text(el.querySelector(`#${id}`)),
    };
  }

  it('shows the French text, its placeholders filled, French plurals', async () => {
    const { read, fixture } = await mount();
    expect(read('plain')).toBe('Vue du mandat');
    expect(read('params')).toBe('Chef·fe de projet : Camille Le Goff');
    expect(read('plural')).toBe('1 jour');
    fixture.componentInstance.days.set(0);
    await fixture.whenStable();
    expect(read('plural')).toBe('0 jour');
    expect(read('nothing')).toBe('');
  });

  it('follows a switch to English in an OnPush view, and keeps French where no translation exists', async () => {
    const { read, fixture } = await mount();
    await TestBed.inject(I18n).use('en');
    await fixture.whenStable();
    expect(read('plain')).toBe('Term overview');
    expect(read('params')).toBe('Project lead: Camille Le Goff');
    expect(read('plural')).toBe('1 day');
    fixture.componentInstance.days.set(0);
    await fixture.whenStable();
    expect(read('plural')).toBe('0 days');
    expect(read('missing')).toBe('Un texte sans traduction');

    fixture.componentInstance.lead.set('Yann Kerébel');
    await fixture.whenStable();
    expect(read('params')).toBe('Project lead: Yann Kerébel');
  });

  it('is a pure function of the text, the language and the parameters', () => {
    const pipe = TestBed.runInInjectionContext(() => new TranslatePipe());
    expect(pipe.transform('Vue du mandat', 'fr')).toBe('Vue du mandat');
    expect(
      pipe.transform('Du {start} au {end}', 'fr', {
        start: '01/04/2026',
        end: '31/03/2032',
      }),
    ).toBe('Du 01/04/2026 au 31/03/2032');
    // English asked before its dictionary was loaded: French, never a key of another kind
    expect(pipe.transform('Vue du mandat', 'en')).toBe('Vue du mandat');
    expect(pipe.transform(undefined, 'fr')).toBe('');
  });
});
