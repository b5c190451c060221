import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { provideFrenchLocale } from '../locale';
import { must, text } from '../testing/dom';
import { FORM_STATUS } from './form-status';

@Component({
  selector: 'jl-host',
  imports: [FORM_STATUS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section data-testid="errors"><jl-form-errors [messages]="messages()" /></section>
    <section data-testid="saved">
      <jl-save-status [busy]="busy()" [busyText]="busyText()" [done]="done()" [notice]="notice()" />
    </section>
  `,
})
class Host {
  readonly messages = signal<readonly string[]>([]);
  readonly busy = signal(false);
  readonly busyText = signal<string | null>(null);
  readonly done = signal<string | null>(null);
  readonly notice = signal<'success' | 'plain' | 'none'>('success');
}

describe('FormErrorList and SaveStatus', () => {
  async function mount() {
    TestBed.configureTestingModule({ providers: [provideFrenchLocale()] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const section = (id: string): HTMLElement => must(el.querySelector<HTMLElement>(`[data-testid="${id}"]`), id);
    const update = async (change: (host: Host) => void): Promise<void> => {
      change(fixture.componentInstance);
      await fixture.whenStable();
    };
    return { section, update };
  }

  it('reads out the messages that belong to no field, one paragraph each, and nothing when there are none', async () => {
    const { section, update } = await mount();
    expect(section('errors').querySelector('[role="alert"]')).toBeNull();

    await update((h) => h.messages.set(['Requête invalide.', 'Le titre est trop long.']));
    const alert = must(section('errors').querySelector('[role="alert"]'));
    expect(alert.className).toBe('notice notice--error');
    expect(Array.from(alert.querySelectorAll('p')).map((p) => text(p))).toEqual(['Requête invalide.', 'Le titre est trop long.']);

    await update((h) => h.messages.set([]));
    expect(section('errors').querySelector('[role="alert"]')).toBeNull();
  });

  it('announces the sending, then the confirmation, which it also shows to the eyes', async () => {
    const { section, update } = await mount();
    const status = (): HTMLElement => must(section('saved').querySelector<HTMLElement>('[role="status"]'));
    expect(status().className).toBe('visually-hidden');
    expect(text(status())).toBe('');
    expect(section('saved').querySelector('.notice')).toBeNull();

    await update((h) => h.busy.set(true));
    expect(text(status())).toBe('Enregistrement…');
    await update((h) => h.busyText.set('Connexion en cours…'));
    expect(text(status())).toBe('Connexion en cours…');

    await update((h) => {
      h.busy.set(false);
      h.done.set('Règles de rappel enregistrées.');
    });
    expect(text(status())).toBe('Règles de rappel enregistrées.');
    const shown = must(section('saved').querySelector('.notice'));
    expect(shown.className).toBe('notice notice--success');
    expect(shown.getAttribute('aria-hidden')).toBe('true');
    expect(text(shown)).toBe('Règles de rappel enregistrées.');

    await update((h) => h.notice.set('plain'));
    expect(must(section('saved').querySelector('.notice')).className).toBe('notice');
    await update((h) => h.notice.set('none'));
    expect(section('saved').querySelector('.notice')).toBeNull();
    expect(text(status())).toBe('Règles de rappel enregistrées.');
  });
});
