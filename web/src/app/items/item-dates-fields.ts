import type { DaySpan, IsoDate } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, inject, input, model } from '@angular/core';
import { ControlContainer, FormsModule } from '@angular/forms';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FORM_FIELD } from '../shared/form-field';
import { FrDatePipe } from '../shared/fr-date.pipe';

/**
 * The dates of an item, as the creation form and the re-planning form ask for them: an action's
 * start and due day, or a milestone's date, each bounded by the roadmap's span, with its hint and
 * its error. The controls' ids are `<idPrefix>-start`, `-due`, `-date` (`focusFirstError` finds
 * them); they belong to the page's form, as fields written in the page would.
 *
 *     <jl-item-dates-fields idPrefix="replan" [kind]="item.kind" [roadmap]="span" [errors]="byField"
 *       [(start)]="start" [(due)]="due" [(date)]="date" />
 */
@Component({
  selector: 'jl-item-dates-fields',
  imports: [FormsModule, FORM_FIELD, FrDatePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  viewProviders: [
    {
      provide: ControlContainer,
      useFactory: () => inject(ControlContainer, { skipSelf: true, optional: true }),
    },
  ],
  host: { style: 'display: contents' },
  templateUrl: './item-dates-fields.html',
})
export class JlItemDatesFields {
  protected readonly lang = inject(I18n).lang;
  /** the controls' ids start with it: `item`, `replan` */
  readonly idPrefix = input.required<string>();
  readonly kind = input.required<'action' | 'milestone'>();
  /** the roadmap's first and last days: the dates stay between them */
  readonly roadmap = input.required<DaySpan>();
  /** the form's messages by field (`start`, `due`, `date` are read) */
  readonly errors = input<Readonly<Record<string, string | undefined>>>({});
  readonly start = model<IsoDate>('');
  readonly due = model<IsoDate>('');
  readonly date = model<IsoDate>('');
}
