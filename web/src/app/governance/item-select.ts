import { ChangeDetectionStrategy, Component, inject, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FORM_FIELD } from '../shared/form-field';
import { LinkableGroup } from './linkable-items';

/**
 * A choice among the roadmap's actions and milestones, by function (an agenda item's or a decision's
 * link); its value is `action:<id>`, `milestone:<id>`, or '' for none.
 */
@Component({
  selector: 'jl-item-select',
  imports: [FormsModule, FORM_FIELD, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    <jl-form-field [controlId]="controlId()" [label]="label()" [error]="error()">
      <select jlControl [ngModel]="value()" (ngModelChange)="value.set($event)" [ngModelOptions]="{ standalone: true }">
        <option value="">{{ noneLabel() }}</option>
        @for (g of groups(); track g.name) {
          <optgroup [label]="g.name">
            @for (i of g.items; track i.key) {
              <option [value]="i.key">{{ (i.type === 'action' ? 'Action' : 'Jalon') | t: lang() }} · {{ i.title }}</option>
            }
          </optgroup>
        }
      </select>
    </jl-form-field>
  `,
})
export class ItemSelect {
  protected readonly lang = inject(I18n).lang;
  readonly controlId = input.required<string>();
  /** the label, already translated */
  readonly label = input.required<string>();
  /** the first choice's text (none), already translated */
  readonly noneLabel = input.required<string>();
  readonly groups = input.required<readonly LinkableGroup[]>();
  readonly error = input<string | null | undefined>(null);
  readonly value = model('');
}
