import { compareIsoDates } from '@jalons/domain';
import type { IsoDate, RuleViolation } from '@jalons/domain';

/** A milestone cannot be achieved on a day to come (the service throws it, the import lists it per row). */
export function achievedOnViolations(achievedOn: IsoDate | null | undefined, today: IsoDate): RuleViolation[] {
  return achievedOn && compareIsoDates(achievedOn, today) > 0
    ? [{ field: 'achievedOn', message: 'Un jalon ne peut pas être atteint à une date future.' }]
    : [];
}
