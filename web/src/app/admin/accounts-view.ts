import type { AccountView, FunctionWithRollUpView, InvitationView, RoadmapSummaryView, UpdateAccountDto } from '@jalons/contract';
import type { Role } from '@jalons/domain';

import { ApiRequestError } from '../data/api-error';
import { Translate, french, tKey } from '../i18n/i18n';
import { compareText } from '../i18n/format';
import { formatParisDateTime } from '../shared/paris-time';
import { FormErrors, apiFormErrors } from '../shared/form-errors';
import { ROLE_LABELS } from '../shared/labels';
import { FunctionChoiceGroup } from './function-picker';

/*
 * What the administration page shows of the accounts and sends about them: pure functions, in the
 * language of `t` (French by default).
 */

export const ACCOUNT_CONFLICT_MESSAGE = tKey(
  'Ce compte a été modifié entre-temps par quelqu’un d’autre : la liste vient d’être rechargée, refaites votre modification.',
);

/** A message after an action: a success is announced politely, a mail not sent is an alert. */
export interface Announcement {
  kind: 'success' | 'warning';
  text: string;
}

/** An account as the table shows it. */
export interface AccountRow {
  account: AccountView;
  roleLabel: string;
  functions: string;
  state: string;
  lastLogin: string;
  self: boolean;
  /** an invitation can be sent again: no password yet, and the account is active */
  canResend: boolean;
  /** « Anonymiser » is offered: not one's own account, not anonymised already (issue 13) */
  canAnonymise: boolean;
}

/** What the edit form holds. */
export interface AccountEdit {
  name: string;
  role: Role;
  functionIds: string[];
}

/** Where an account stands: anonymised (for good), deactivated, waiting for its invitation to be accepted, or active. */
export function accountState(account: AccountView, now: Date, t: Translate = french): string {
  if (account.anonymisedAt) return t('Anonymisé·e le {date}', { date: formatParisDateTime(account.anonymisedAt, t.lang) });
  if (!account.active) return t('Désactivé');
  if (account.hasPassword) return t('Actif');
  const until = account.invitationExpiresAt;
  if (!until) return t('Invitation expirée');
  const when = { date: formatParisDateTime(until, t.lang) };
  return new Date(until).getTime() < now.getTime()
    ? t('Invitation expirée le {date}', when)
    : t('Invitation en attente jusqu’au {date}', when);
}

/** The accounts as the table lists them, by name; `myId` is the signed-in administrator's. */
export function accountRows(accounts: readonly AccountView[], myId: string | null, now: Date, t: Translate = french): AccountRow[] {
  return [...accounts]
    .sort((a, b) => compareText(a.name, b.name))
    .map((account) => ({
      account,
      roleLabel: t(ROLE_LABELS[account.role]),
      functions: account.functions.map((f) => f.name).join(', ') || '—',
      state: accountState(account, now, t),
      lastLogin: account.lastLoginAt ? formatParisDateTime(account.lastLoginAt, t.lang) : t('Jamais'),
      self: account.id === myId,
      canResend: account.active && !account.hasPassword,
      canAnonymise: account.id !== myId && !account.anonymisedAt,
    }));
}

/** What the administrator reads once an invitation went out (or did not). */
export function invitationMessage(invitation: InvitationView, t: Translate = french): Announcement {
  const { account } = invitation;
  return invitation.mailed
    ? {
        kind: 'success',
        text: t('Invitation envoyée à {email}, valable jusqu’au {date}.', {
          email: account.email,
          date: formatParisDateTime(invitation.expiresAt, t.lang),
        }),
      }
    : {
        kind: 'warning',
        text: t(
          'Le compte de {name} est prêt, mais le courriel d’invitation n’a pas pu être envoyé à {email}. Réessayez plus tard avec « Renvoyer l’invitation ».',
          { name: account.name, email: account.email },
        ),
      };
}

/**
 * What saving the edit form sends: the name; the role, unless it is one's own (another
 * administrator changes it); the functions of a function owner, and none for anybody else.
 */
export function accountPatch(account: AccountView, edit: AccountEdit, self: boolean): UpdateAccountDto {
  const role = self ? account.role : edit.role;
  const patch: UpdateAccountDto = { version: account.version, name: edit.name };
  if (!self) patch.role = role;
  if (role === 'owner') patch.functionIds = edit.functionIds;
  else if (account.functions.length > 0) patch.functionIds = [];
  return patch;
}

/** The API's refusal spread over a form; an e-mail already in use is said next to the e-mail. */
export function accountFormErrors(e: ApiRequestError, fields: readonly string[]): FormErrors {
  if (e.body?.error === 'email_taken' && !e.body.errors?.length) {
    return { byField: { email: e.message }, general: [] };
  }
  return apiFormErrors(e, fields);
}

/** A roadmap's functions, in order, as the function picker offers them. */
export function functionGroup(roadmap: RoadmapSummaryView, functions: FunctionWithRollUpView[]): FunctionChoiceGroup {
  return {
    roadmapId: roadmap.id,
    label: `${roadmap.territory} · ${roadmap.mandateLabel}`,
    functions: [...functions]
      .sort((a, b) => a.order - b.order)
      .map((fn) => ({
        id: fn.id,
        name: fn.name,
        ownerId: fn.owner?.id ?? null,
        ownerName: fn.owner?.name ?? null,
      })),
  };
}
