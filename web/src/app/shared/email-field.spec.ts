import { ChangeDetectionStrategy, Component, signal, viewChild } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormsModule, NgForm } from '@angular/forms';

import { provideFrenchLocale } from '../locale';
import { must, text } from '../testing/dom';
import { JlEmailField } from './email-field';

@Component({
  selector: 'jl-host',
  imports: [FormsModule, JlEmailField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form novalidate>
      <jl-email-field controlId="f-email" autocomplete="username" [error]="error()" [(email)]="email" />
      <jl-email-field controlId="f-to" name="to" label="Destinataire" autocomplete="off" [required]="false" [(email)]="to" />
    </form>
  `,
})
class Host {
  readonly form = viewChild.required(NgForm);
  readonly error = signal<string | null>(null);
  readonly email = signal('camille@example.test');
  readonly to = signal('');
}

describe('JlEmailField', () => {
  async function mount() {
    TestBed.configureTestingModule({ providers: [provideFrenchLocale()] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = (id: string): HTMLInputElement => must(el.querySelector<HTMLInputElement>(`#${id}`), id);
    return { fixture, el, host: fixture.componentInstance, input };
  }

  it('is an e-mail input, labelled, without spell checking, with its name and autocomplete', async () => {
    const { el, input } = await mount();
    const email = input('f-email');
    expect([email.type, email.name, email.getAttribute('autocomplete'), email.getAttribute('spellcheck'), email.required]).toEqual([
      'email',
      'email',
      'username',
      'false',
      true,
    ]);
    expect(text(el.querySelector('label[for="f-email"]'))).toBe('Adresse électronique');
    const to = input('f-to');
    expect([to.name, to.getAttribute('autocomplete'), to.required]).toEqual(['to', 'off', false]);
    expect(text(el.querySelector('label[for="f-to"]'))).toBe('Destinataire');
  });

  it('joins the page’s form, and what is typed reaches the page', async () => {
    const { fixture, host, input } = await mount();
    expect(Object.keys(host.form().controls).sort()).toEqual(['email', 'to']);
    expect(input('f-email').value).toBe('camille@example.test');
    input('f-email').value = 'soizic@example.test';
    input('f-email').dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(host.email()).toBe('soizic@example.test');
  });

  it('shows what is wrong and marks the control invalid', async () => {
    const { fixture, el, host, input } = await mount();
    host.error.set('Indiquez une adresse électronique.');
    await fixture.whenStable();
    expect(input('f-email').getAttribute('aria-invalid')).toBe('true');
    expect(text(el.querySelector('#f-email-error'))).toBe('Indiquez une adresse électronique.');
  });
});
