import { formatNumber } from '@angular/common';
import { LOCALE_ID, Pipe, PipeTransform, inject } from '@angular/core';

/** 61.1 → « 61,1 % » (fr-FR: decimal comma, narrow no-break space before %). Input is 0–100. */
@Pipe({ name: 'jlPercent' })
export class PercentPipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(value: number | null | undefined): string {
    if (value === null || value === undefined || !Number.isFinite(value))
      return '—';
    return `${formatNumber(value, this.locale, '1.0-1')}\u202f%`;
  }
}
