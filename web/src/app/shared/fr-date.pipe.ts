import type { IsoDate } from '@jalons/domain';
import { formatFrDate, isIsoDate } from '@jalons/domain';
import { Pipe, PipeTransform } from '@angular/core';

/**
 * '2026-03-15' → « 15/03/2026 ». A calendar day, no time zone involved; fr-FR and en-GB write it
 * alike, so it does not depend on the interface's language.
 */
@Pipe({ name: 'jlDate' })
export class FrDatePipe implements PipeTransform {
  transform(value: IsoDate | null | undefined): string {
    if (value === null || value === undefined) return '—';
    return isIsoDate(value) ? formatFrDate(value) : value;
  }
}
