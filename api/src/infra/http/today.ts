import { todayInParis } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';

/** The reference day of a read: `?at=` when given (validated by the DTO), else today in Europe/Paris. */
export function referenceDay(at?: IsoDate): IsoDate {
  return at ?? todayInParis();
}
