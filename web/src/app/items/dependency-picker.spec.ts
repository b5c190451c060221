import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { provideFrenchLocale } from '../locale';
import { must, text } from '../testing/dom';
import { JlDependencyPicker, PICKER_SHOWN_MAX, PickerOption, filterOptions } from './dependency-picker';

const OPTIONS: PickerOption[] = [
  { id: 'a-1', title: 'Élaborer la charte éthique', detail: 'Éthique · du 01/05/2026 au 30/06/2026' },
  { id: 'a-2', title: 'Constituer le vivier', detail: 'Participation · du 01/03/2026 au 30/04/2026' },
  { id: 'a-3', title: 'Former les agents', detail: 'Ressources humaines · du 01/09/2026 au 31/12/2026' },
];

@Component({
  selector: 'jl-host',
  imports: [JlDependencyPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <jl-dependency-picker
      controlId="pick"
      label="Ajouter une action précédente"
      [options]="options()"
      [error]="error()"
      (picked)="picked.push($event)"
    />
  `,
})
class Host {
  readonly options = signal<PickerOption[]>(OPTIONS);
  readonly error = signal<string | null>(null);
  readonly picked: string[] = [];
}

describe('filterOptions', () => {
  it('finds by any words of the title or the function, whatever the case and accents', () => {
    expect(filterOptions(OPTIONS, 'ELAB').map((o) => o.id)).toEqual(['a-1']);
    expect(filterOptions(OPTIONS, 'vivier particip').map((o) => o.id)).toEqual(['a-2']);
    expect(filterOptions(OPTIONS, 'éthique charte').map((o) => o.id)).toEqual(['a-1']);
    expect(filterOptions(OPTIONS, '  ').map((o) => o.id)).toEqual(['a-1', 'a-2', 'a-3']);
    expect(filterOptions(OPTIONS, 'budget')).toEqual([]);
  });
});

describe('JlDependencyPicker', () => {
  let fixture: ComponentFixture<Host>;
  let el: HTMLElement;
  let input: HTMLInputElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideFrenchLocale()] });
    fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
    input = must(el.querySelector<HTMLInputElement>('input#pick'));
  });

  const options = (): string[] => Array.from(el.querySelectorAll('[role="option"]')).map((o) => text(o.querySelector('.picker__title')));
  const listbox = (): HTMLElement => must(el.querySelector<HTMLElement>('[role="listbox"]'));

  async function type(value: string): Promise<void> {
    input.dispatchEvent(new Event('focus'));
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function key(name: string): Promise<KeyboardEvent> {
    const event = new KeyboardEvent('keydown', { key: name, cancelable: true });
    input.dispatchEvent(event);
    await fixture.whenStable();
    return event;
  }

  it('is a labelled combobox tied to its list', () => {
    expect(text(el.querySelector('label[for="pick"]'))).toBe('Ajouter une action précédente');
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-controls')).toBe('pick-list');
    expect(listbox().id).toBe('pick-list');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(listbox().hidden).toBe(true);
  });

  it('narrows the list as one types, and says how many match', async () => {
    await type('former');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(listbox().hidden).toBe(false);
    expect(options()).toEqual(['Former les agents']);
    expect(text(el.querySelector('[role="status"]'))).toBe('1 action correspond.');
    await type('zzz');
    expect(options()).toEqual([]);
    expect(text(listbox())).toBe('Aucune action ne correspond.');
  });

  it('picks from the keyboard: arrows move the active option, Enter picks it and empties the input', async () => {
    await type('e'); // all three hold an « e »
    expect(input.getAttribute('aria-activedescendant')).toBe('pick-option-0');
    await key('ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('pick-option-1');
    expect(must(el.querySelector('#pick-option-1')).getAttribute('aria-selected')).toBe('true');
    await key('ArrowUp');
    await key('ArrowUp'); // wraps to the last
    expect(input.getAttribute('aria-activedescendant')).toBe('pick-option-2');
    const enter = await key('Enter');
    expect(enter.defaultPrevented).toBe(true); // not a submission of the form around
    expect(fixture.componentInstance.picked).toEqual(['a-3']);
    expect(input.value).toBe('');
    // closed, not covering the rest of the form; arrows open it again
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(listbox().hidden).toBe(true);
    await key('ArrowDown');
    expect(listbox().hidden).toBe(false);
  });

  it('closes on Escape, then empties the input on a second Escape', async () => {
    await type('vivier');
    await key('Escape');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('vivier');
    await key('Escape');
    expect(input.value).toBe('');
    expect(fixture.componentInstance.picked).toEqual([]);
  });

  it('picks with a click', async () => {
    await type('charte');
    (must(el.querySelector('[role="option"]')) as HTMLElement).click();
    await fixture.whenStable();
    expect(fixture.componentInstance.picked).toEqual(['a-1']);
  });

  it('shows why a pick was refused under the input, tied to it', async () => {
    fixture.componentInstance.error.set('Cette dépendance créerait un cycle.');
    await fixture.whenStable();
    expect(text(el.querySelector('#pick-error'))).toBe('Cette dépendance créerait un cycle.');
    expect(input.getAttribute('aria-describedby')).toContain('pick-error');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it(`draws ${PICKER_SHOWN_MAX} options at most, and says so`, async () => {
    fixture.componentInstance.options.set(
      Array.from({ length: 45 }, (_, i) => ({ id: `x-${i}`, title: `Action ${i}`, detail: 'Éthique' })),
    );
    await type('action');
    expect(options()).toHaveLength(PICKER_SHOWN_MAX);
    expect(text(el.querySelector('[role="status"]'))).toBe(`45 actions correspondent, les ${PICKER_SHOWN_MAX} premières sont proposées.`);
  });
});
