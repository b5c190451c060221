import { TEXT_MAX } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, inject, input, model } from '@angular/core';
import { ControlContainer, FormsModule } from '@angular/forms';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FORM_FIELD } from '../shared/form-field';

/**
 * An item's title and description, as the creation form and the edit form ask for them, no longer
 * than the API accepts. The controls' ids are `<idPrefix>-title` and `<idPrefix>-description`
 * (`focusFirstError` finds them); they belong to the page's form, as fields written in the page would.
 *
 *     <jl-item-text-fields idPrefix="edit" [errors]="byField" [(title)]="title" [(description)]="description" />
 */
@Component({
  selector: 'jl-item-text-fields',
  imports: [FormsModule, FORM_FIELD, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  viewProviders: [
    {
      provide: ControlContainer,
      useFactory: () => inject(ControlContainer, { skipSelf: true, optional: true }),
    },
  ],
  host: { style: 'display: contents' },
  templateUrl: './item-text-fields.html',
})
export class JlItemTextFields {
  protected readonly lang = inject(I18n).lang;
  protected readonly max = TEXT_MAX;
  /** the controls' ids start with it: `item`, `edit` */
  readonly idPrefix = input.required<string>();
  /** the form's messages by field (`title` and `description` are read) */
  readonly errors = input<Readonly<Record<string, string | undefined>>>({});
  readonly title = model('');
  readonly description = model('');
}
