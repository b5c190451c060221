import { ChangeDetectionStrategy, Component, input, model, inject } from '@angular/core';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';

/** The functions of one roadmap, as the picker offers them. */
export interface FunctionChoiceGroup {
  roadmapId: string;
  /** the roadmap's territory and mandate, a heading when there are several roadmaps */
  label: string;
  functions: readonly FunctionChoice[];
}

export interface FunctionChoice {
  id: string;
  name: string;
  /** who holds the function today, if anyone */
  ownerId: string | null;
  ownerName: string | null;
}

/**
 * The functions a function owner takes charge of: checkboxes in a fieldset, grouped by roadmap when
 * there are several. Says who holds each function now, since taking it over removes it from them.
 */
@Component({
  selector: 'jl-function-picker',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset
      class="function-picker"
      [attr.aria-describedby]="error() ? idPrefix() + '-error ' + idPrefix() + '-hint' : idPrefix() + '-hint'"
    >
      <legend>{{ legend() }}</legend>
      <p class="field-hint" [id]="idPrefix() + '-hint'">
        {{ 'Une fonction déjà confiée à une autre personne lui est retirée.' | t: lang() }}
      </p>
      @for (group of groups(); track group.roadmapId) {
        @if (groups().length > 1) {
          <p class="function-picker__group">{{ group.label }}</p>
        }
        <ul class="plain-list function-picker__list">
          @for (fn of group.functions; track fn.id) {
            <li>
              <input
                type="checkbox"
                [id]="idPrefix() + '-' + fn.id"
                [checked]="selected().includes(fn.id)"
                (change)="toggle(fn.id, $event)"
              />
              <label [for]="idPrefix() + '-' + fn.id">
                {{ fn.name }}
                @if (fn.ownerName && fn.ownerId !== accountId()) {
                  <span class="function-picker__owner">{{ '(actuellement : {name})' | t: lang() : { name: fn.ownerName } }}</span>
                }
              </label>
            </li>
          }
        </ul>
      } @empty {
        <p>{{ 'Aucune fonction n’est encore définie.' | t: lang() }}</p>
      }
      @if (error(); as message) {
        <p class="field-error" [id]="idPrefix() + '-error'">{{ message }}</p>
      }
    </fieldset>
  `,
})
export class FunctionPicker {
  protected readonly lang = inject(I18n).lang;
  readonly groups = input.required<readonly FunctionChoiceGroup[]>();
  readonly legend = input.required<string>();
  /** prefix of the checkboxes' ids: `<prefix>-<function id>` */
  readonly idPrefix = input.required<string>();
  /** the account being edited: its own functions are not said to be held by someone else */
  readonly accountId = input<string | null>(null);
  readonly error = input<string | null | undefined>(null);
  /** ids of the functions checked */
  readonly selected = model.required<string[]>();

  protected toggle(id: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.selected.update((ids) => (checked ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));
  }
}
