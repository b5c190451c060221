import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FORM_FIELD } from '../shared/form-field';

/** An action the picker offers: its title, and what tells two alike apart (function, dates). */
export interface PickerOption {
  id: string;
  title: string;
  detail: string;
}

/** the longest list drawn at once: typing narrows it */
export const PICKER_SHOWN_MAX = 30;

/** Lower case, without accents: « Élaborer » is found by « elab ». */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** The options whose title or detail hold every word typed, in their order. */
export function filterOptions(options: readonly PickerOption[], query: string): PickerOption[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...options];
  return options.filter((o) => {
    const text = searchable(`${o.title} ${o.detail}`);
    return words.every((w) => text.includes(w));
  });
}

/**
 * Picking an action among many by typing part of its title: an ARIA 1.2 combobox (an input and
 * the listbox of what matches). Arrow keys move in the list, Enter picks, Escape closes then
 * empties the input; a click picks too. Emits the id picked, then empties the input and closes the list.
 *
 *     <jl-dependency-picker controlId="deps-add" [label]="…" [options]="options()" [error]="error()" (picked)="add($event)" />
 */
@Component({
  selector: 'jl-dependency-picker',
  imports: [FORM_FIELD, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // a pointer picks an option through the host: the options are not focusable (the keyboard stays
  // in the input, aria-activedescendant names the option), so they carry no handlers of their own
  host: { class: 'picker', '(mousedown)': 'onPointer($event, false)', '(click)': 'onPointer($event, true)' },
  template: `
    <jl-form-field [controlId]="controlId()" [label]="label()" [hint]="hint()" [error]="error()">
      <input
        jlControl
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        [attr.aria-expanded]="open()"
        [attr.aria-controls]="listId()"
        [attr.aria-activedescendant]="activeId()"
        [disabled]="disabled()"
        [value]="query()"
        (input)="onInput($event)"
        (keydown)="onKey($event)"
        (focus)="open.set(true)"
        (blur)="open.set(false)"
      />
    </jl-form-field>
    <ul class="picker__list" role="listbox" [id]="listId()" [attr.aria-label]="label()" [hidden]="!open()">
      @for (option of shown(); track option.id; let i = $index) {
        <li
          role="option"
          class="picker__option"
          [id]="optionId(i)"
          [class.picker__option--active]="i === active()"
          [attr.aria-selected]="i === active()"
          [attr.data-index]="i"
        >
          <span class="picker__title">{{ option.title }}</span>
          <span class="picker__detail">{{ option.detail }}</span>
        </li>
      } @empty {
        <li class="picker__none" role="presentation">{{ 'Aucune action ne correspond.' | t: lang() }}</li>
      }
    </ul>
    <p class="visually-hidden" role="status" aria-live="polite">{{ announcement() }}</p>
  `,
  styles: `
    :host {
      display: block;
      position: relative;
    }
    .picker__list {
      position: absolute;
      z-index: 10;
      left: 0;
      right: 0;
      max-height: 16rem;
      overflow-y: auto;
      margin: -0.5rem 0 0;
      padding: 0;
      list-style: none;
      border: 1px solid var(--jl-border);
      background: var(--jl-surface);
      box-shadow: 0 4px 12px rgb(0 0 0 / 15%);
    }
    .picker__option {
      display: flex;
      flex-direction: column;
      padding: 0.4rem 0.6rem;
      cursor: pointer;
    }
    .picker__option--active,
    .picker__option:hover {
      background: var(--jl-highlight);
    }
    .picker__detail {
      color: var(--jl-text-muted);
      font-size: 0.8rem;
    }
    .picker__none {
      padding: 0.4rem 0.6rem;
      color: var(--jl-text-muted);
    }
  `,
})
export class JlDependencyPicker {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;

  /** the input's id, unique in the page (the list is `<controlId>-list`) */
  readonly controlId = input.required<string>();
  /** the label's text, already translated */
  readonly label = input.required<string>();
  readonly options = input.required<readonly PickerOption[]>();
  readonly hint = input<string | null>(null);
  /** why the last pick was refused (the API's message), shown under the input */
  readonly error = input<string | null | undefined>(null);
  readonly disabled = input(false);
  readonly picked = output<string>();

  protected readonly query = signal('');
  protected readonly open = signal(false);
  /** the option under the keyboard, -1 when none */
  protected readonly active = signal(-1);

  protected readonly listId = computed(() => `${this.controlId()}-list`);
  private readonly matches = computed(() => filterOptions(this.options(), this.query()));
  protected readonly shown = computed(() => this.matches().slice(0, PICKER_SHOWN_MAX));
  protected readonly activeId = computed(() => (this.open() && this.active() >= 0 ? this.optionId(this.active()) : null));
  /** how many match, said once the person has typed */
  protected readonly announcement = computed(() => {
    if (!this.open() || !this.query().trim()) return '';
    const n = this.matches().length;
    return n > PICKER_SHOWN_MAX
      ? this.i18n.t('{n} actions correspondent, les {max} premières sont proposées.', { n, max: PICKER_SHOWN_MAX })
      : this.i18n.t('{n} action correspond.|{n} actions correspondent.', { n });
  });

  protected optionId(index: number): string {
    return `${this.controlId()}-option-${index}`;
  }

  protected onInput(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
    this.open.set(true);
    this.active.set(this.shown().length ? 0 : -1);
  }

  protected onKey(event: KeyboardEvent): void {
    const count = this.shown().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.open.set(true);
        if (count) this.active.update((i) => (i + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.open.set(true);
        if (count) this.active.update((i) => (i <= 0 ? count - 1 : i - 1));
        break;
      case 'Enter': {
        const option = this.open() ? this.shown()[this.active()] : undefined;
        if (option) {
          // picking is not submitting the form around
          event.preventDefault();
          this.pick(option);
        }
        break;
      }
      case 'Escape':
        if (this.open()) this.open.set(false);
        else this.query.set('');
        this.active.set(-1);
        break;
    }
  }

  /** A press on an option keeps the focus in the input; the click picks it. */
  protected onPointer(event: MouseEvent, picking: boolean): void {
    const option = (event.target as Element | null)?.closest<HTMLElement>('[role="option"]');
    if (!option) return;
    event.preventDefault();
    const picked = this.shown()[Number(option.dataset['index'])];
    if (picking && picked) this.pick(picked);
  }

  protected pick(option: PickerOption): void {
    this.picked.emit(option.id);
    // closed: the list would cover what follows in the form until one types again
    this.open.set(false);
    this.query.set('');
    this.active.set(-1);
  }
}
