import { ChangeDetectionStrategy, Component, signal, viewChild } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormsModule, NgForm } from '@angular/forms';

import { passwordHint } from './password-rules';
import { must, text } from '../testing/dom';
import { JlNewPassword, NewPasswordKind } from './new-password';

/** A page's form holding the pair, as the set-password and account pages write it. */
@Component({
  selector: 'jl-host',
  imports: [FormsModule, JlNewPassword],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form novalidate>
      <jl-new-password idPrefix="pw" [kind]="kind()" [errors]="errors()" [(password)]="password" [(confirmation)]="confirmation" />
    </form>
  `,
})
class Host {
  readonly form = viewChild.required(NgForm);
  readonly kind = signal<NewPasswordKind>('choose');
  readonly errors = signal<Readonly<Record<string, string>>>({});
  readonly password = signal('');
  readonly confirmation = signal('');
}

describe('JlNewPassword', () => {
  async function mount() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const host = fixture.componentInstance;
    const input = (id: string): HTMLInputElement => must(el.querySelector<HTMLInputElement>(`#${id}`), id);
    const labels = (): string[] => Array.from(el.querySelectorAll('label')).map((l) => `${l.htmlFor}: ${text(l)}`);
    return { fixture, el, host, input, labels };
  }

  it('asks for the password twice, the rules under the first field', async () => {
    const { input, labels, el } = await mount();
    expect(labels()).toEqual(['pw-password: Mot de passe', 'pw-confirmation: Mot de passe, une seconde fois']);
    for (const id of ['pw-password', 'pw-confirmation']) {
      expect(input(id).type).toBe('password');
      expect(input(id).autocomplete).toBe('new-password');
      expect(input(id).required).toBe(true);
    }
    expect(input('pw-password').getAttribute('aria-describedby')).toBe('pw-password-hint');
    expect(text(el.querySelector('#pw-password-hint'))).toBe(passwordHint());
    expect(input('pw-confirmation').hasAttribute('aria-describedby')).toBe(false);
  });

  it('says « new » when it replaces the current password', async () => {
    const { fixture, host, labels } = await mount();
    host.kind.set('change');
    await fixture.whenStable();
    expect(labels()).toEqual(['pw-password: Nouveau mot de passe', 'pw-confirmation: Nouveau mot de passe, une seconde fois']);
  });

  it('shows the form’s messages next to their field', async () => {
    const { fixture, host, input, el } = await mount();
    host.errors.set({
      confirmation: 'Les deux mots de passe ne sont pas identiques.',
      currentPassword: 'Ailleurs.',
    });
    await fixture.whenStable();
    expect(input('pw-password').hasAttribute('aria-invalid')).toBe(false);
    expect(input('pw-confirmation').getAttribute('aria-invalid')).toBe('true');
    expect(input('pw-confirmation').getAttribute('aria-describedby')).toBe('pw-confirmation-error');
    expect(Array.from(el.querySelectorAll('.field-error')).map((p) => `${p.id}: ${text(p)}`)).toEqual([
      'pw-confirmation-error: Les deux mots de passe ne sont pas identiques.',
    ]);

    host.errors.set({ password: 'Trop court.' });
    await fixture.whenStable();
    expect(input('pw-password').getAttribute('aria-describedby')).toBe('pw-password-error pw-password-hint');
    expect(input('pw-confirmation').hasAttribute('aria-invalid')).toBe(false);
  });

  it('hands what is typed to the page, and empties the fields when the page does', async () => {
    const { fixture, host, input } = await mount();
    input('pw-password').value = 'une phrase de passe';
    input('pw-password').dispatchEvent(new Event('input'));
    input('pw-confirmation').value = 'une phrase de passe';
    input('pw-confirmation').dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect([host.password(), host.confirmation()]).toEqual(['une phrase de passe', 'une phrase de passe']);

    host.password.set('');
    host.confirmation.set('');
    await fixture.whenStable();
    expect([input('pw-password').value, input('pw-confirmation').value]).toEqual(['', '']);
  });

  it('puts its fields in the page’s form', async () => {
    const { host } = await mount();
    expect(Object.keys(host.form().controls)).toEqual(['password', 'confirmation']);
  });
});
