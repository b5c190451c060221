import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormsModule } from '@angular/forms';

import { must, text } from '../testing/dom';
import { FORM_FIELD } from './form-field';

/** A form as the pages write it: a text field with a hint, a select, a checkbox, a read-only field. */
@Component({
  selector: 'jl-host',
  imports: [FormsModule, FORM_FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form novalidate>
      <jl-form-field controlId="f-name" label="Nom" [hint]="hint()" [error]="errors()['name']">
        <input jlControl name="name" type="text" [(ngModel)]="name" />
      </jl-form-field>
      <jl-form-field controlId="f-role" label="Rôle" [error]="errors()['role']">
        <select jlControl name="role" [(ngModel)]="role">
          <option value="lead">Chef·fe de projet</option>
          <option value="elected">Élu·e</option>
        </select>
      </jl-form-field>
      <jl-form-field controlId="f-daily" label="Chaque jour" layout="choice" [error]="errors()['daily']">
        <input jlControl name="daily" type="checkbox" [(ngModel)]="daily" />
      </jl-form-field>
      <jl-form-field controlId="f-url" label="Adresse" describedBy="f-url-once">
        <input jlControl type="text" readonly value="https://example.test" />
      </jl-form-field>
      <p id="f-url-once">Copiez-la maintenant.</p>
    </form>
  `,
})
class Host {
  readonly hint = signal<string | null>('Tel qu’il sera affiché.');
  readonly errors = signal<Readonly<Record<string, string>>>({});
  readonly name = signal('Camille');
  readonly role = signal('lead');
  readonly daily = signal(false);
}

describe('JlFormField', () => {
  async function mount() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const host = fixture.componentInstance;
    const control = (id: string): HTMLInputElement => must(el.querySelector<HTMLInputElement>(`#${id}`), id);
    /** the text a screen reader reads after the control's name */
    const description = (id: string): string =>
      (control(id).getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter((ref) => ref !== '')
        .map((ref) => text(must(el.querySelector(`#${ref}`), ref)))
        .join(' | ');
    return { fixture, el, host, control, description };
  }

  it('gives each control its id, and its label points to it', async () => {
    const { el, control } = await mount();
    const labels = Array.from(el.querySelectorAll('label'));
    expect(labels.map((l) => [text(l), l.htmlFor])).toEqual([
      ['Nom', 'f-name'],
      ['Rôle', 'f-role'],
      ['Chaque jour', 'f-daily'],
      ['Adresse', 'f-url'],
    ]);
    expect(control('f-role').tagName).toBe('SELECT');
    // every id of the form once
    const ids = Array.from(el.querySelectorAll('[id]')).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says nothing more than the hint while the value is fine', async () => {
    const { el, control, description } = await mount();
    expect(description('f-name')).toBe('Tel qu’il sera affiché.');
    expect(must(el.querySelector('#f-name-hint')).className).toBe('field-hint');
    expect(control('f-name').hasAttribute('aria-invalid')).toBe(false);
    expect(control('f-role').hasAttribute('aria-describedby')).toBe(false);
    expect(control('f-role').hasAttribute('aria-invalid')).toBe(false);
    expect(el.querySelector('.field-error')).toBeNull();
  });

  it('shows what is wrong next to the control, read before the hint, and marks it invalid', async () => {
    const { fixture, el, host, control, description } = await mount();
    host.errors.set({ name: 'Indiquez un nom.', role: 'Choisissez un rôle.' });
    await fixture.whenStable();

    expect(control('f-name').getAttribute('aria-invalid')).toBe('true');
    expect(control('f-name').getAttribute('aria-describedby')).toBe('f-name-error f-name-hint');
    expect(description('f-name')).toBe('Indiquez un nom. | Tel qu’il sera affiché.');
    expect(control('f-role').getAttribute('aria-invalid')).toBe('true');
    expect(description('f-role')).toBe('Choisissez un rôle.');
    const error = must(el.querySelector('#f-role-error'));
    expect(error.tagName).toBe('P');
    expect(error.className).toBe('field-error');
    // the message sits in the field, after the control
    expect(error.parentElement?.querySelector('select')).toBe(control('f-role'));

    host.errors.set({});
    await fixture.whenStable();
    expect(el.querySelector('.field-error')).toBeNull();
    expect(control('f-name').hasAttribute('aria-invalid')).toBe(false);
    expect(control('f-name').getAttribute('aria-describedby')).toBe('f-name-hint');
  });

  it('drops the hint when there is none', async () => {
    const { fixture, el, host, control } = await mount();
    host.hint.set(null);
    await fixture.whenStable();
    expect(el.querySelector('#f-name-hint')).toBeNull();
    expect(control('f-name').hasAttribute('aria-describedby')).toBe(false);
  });

  it('points to other elements that describe the control', async () => {
    const { description } = await mount();
    expect(description('f-url')).toBe('Copiez-la maintenant.');
  });

  it('lays a checkbox out as a choice: the box, then its label', async () => {
    const { fixture, host, control } = await mount();
    const field = must(control('f-daily').parentElement);
    expect(field.tagName).toBe('JL-FORM-FIELD');
    expect(field.className).toBe('choice field-choice');
    expect(Array.from(field.children).map((c) => c.tagName)).toEqual(['INPUT', 'LABEL']);
    expect(must(control('f-name').parentElement).className).toBe('field');
    expect(Array.from(must(control('f-name').parentElement).children).map((c) => c.tagName)).toEqual(['LABEL', 'INPUT', 'P']);

    host.errors.set({ daily: 'Non.' });
    await fixture.whenStable();
    expect(Array.from(field.children).map((c) => c.tagName)).toEqual(['INPUT', 'LABEL', 'P']);
    expect(control('f-daily').getAttribute('aria-describedby')).toBe('f-daily-error');
  });

  it('leaves the value to the form: what is typed reaches the page', async () => {
    const { fixture, host, control } = await mount();
    expect(control('f-name').value).toBe('Camille');
    control('f-name').value = 'Soizic';
    control('f-name').dispatchEvent(new Event('input'));
    control('f-daily').click();
    await fixture.whenStable();
    expect(host.name()).toBe('Soizic');
    expect(host.daily()).toBe(true);
  });
});
