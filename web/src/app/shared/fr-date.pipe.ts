import type { IsoDate } from '@jalons/domain';
import { formatFrDate, isIsoDate } from '@jalons/domain';
import { Pipe, PipeTransform } from '@angular/core';

/** '2026-03-15' → « 15/03/2026 ». A calendar day, no time zone involved. */
@Pipe({ name: 'jlDate' })
export class FrDatePipe implements PipeTransform {
  transform(value: IsoDate | null | undefined): string {
    if (value === null || value === undefined) return '—';
    return isIsoDate(value) ? formatFrDate(value) : value;
  }
}
