/**
 * Who may do what. One table, read by the API's guard (which enforces it) and by the web app
 * (which hides what the signed-in person may not do). docs/adr/0008-authorisation.md
 */

export const ROLES = ['admin', 'lead', 'owner', 'elected'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Administrateur·rice',
  lead: 'Chef·fe de projet',
  owner: 'Responsable de fonction',
  elected: 'Élu·e',
};

/** The signed-in account as the rules see it. */
export interface Principal {
  id: string;
  role: Role;
  /** ids of the target functions this account owns (meaningful for function owners) */
  functionIds: readonly string[];
}

/** Reading roadmaps, chronograms, items, history, exports: every active account. */
export function canRead(p: Principal | null): boolean {
  return p !== null;
}

/**
 * Writing an action or milestone of a function (create, re-plan, status, dependencies, delete):
 * the project lead for every function; a function owner for the functions they own; nobody else.
 */
export function canWriteItemsOf(p: Principal | null, functionId: string): boolean {
  if (!p) return false;
  if (p.role === 'lead') return true;
  return p.role === 'owner' && p.functionIds.includes(functionId);
}

/** Whether the account writes roadmap content at all (some function at least). */
export function canWriteSomeItems(p: Principal | null): boolean {
  return !!p && (p.role === 'lead' || (p.role === 'owner' && p.functionIds.length > 0));
}

/** A roadmap's settings (its public page, later its reminder rules): the project lead. */
export function canManageRoadmap(p: Principal | null): boolean {
  return p?.role === 'lead';
}

/** Accounts, invitations, roles: the administrator. */
export function canManageAccounts(p: Principal | null): boolean {
  return p?.role === 'admin';
}

/** Passwords: at least 12 characters (NIST SP 800-63B: length, no composition rules), at most 200. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
