import type { RuleViolation } from '@jalons/domain';

/*
 * The rules of an action that the domain library cannot check alone (they need the function or the
 * account), as violations: the service throws them, the import lists them per row.
 */

/** Only the central function's actions carry a volet. */
export function voletViolations(fn: { central: boolean }, volet: string | null | undefined): RuleViolation[] {
  return volet && !fn.central ? [{ field: 'volet', message: 'Seules les actions de la fonction centrale portent un volet.' }] : [];
}

/** An owner must be an active account. */
export function ownerViolations(owner: { active: boolean } | null): RuleViolation[] {
  return owner && !owner.active ? [{ field: 'ownerId', message: 'Ce compte est désactivé : choisissez une personne active.' }] : [];
}
