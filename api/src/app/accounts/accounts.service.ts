import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AccountView, InvitationView, InviteAccountDto, UpdateAccountDto } from '@jalons/contract';
import type { Role } from '@jalons/domain';

import { ApiException } from '../../infra/http/errors';
import { AuthService, SessionsService } from '../auth';
import type { SignedIn } from '../auth';
import { AccountsQueries } from './accounts.queries';
import type { AccountRow, AccountStateRow } from './accounts.queries';

/** Roles that may own functions: a function owner, and the project lead (who owns the central one in Brest). */
const OWNING_ROLES: readonly Role[] = ['owner', 'lead'];

function view(r: AccountRow): AccountView {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    active: r.active,
    functions: r.functions,
    hasPassword: r.has_password,
    invitationExpiresAt: r.invitation_expires_at ? new Date(r.invitation_expires_at).toISOString() : null,
    lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
    anonymisedAt: r.anonymised_at ? new Date(r.anonymised_at).toISOString() : null,
    version: r.version,
  };
}

/**
 * An anonymised account (issue 13, ADR 0027) stays « Ancien·ne responsable » and inactive for good:
 * reactivating it or giving it a name again would bring back a person the anonymisation erased.
 */
function refuseAnonymisedChange(row: AccountStateRow, dto: UpdateAccountDto): void {
  const errors: { field: string; message: string }[] = [];
  if (dto.active === true && !row.active) {
    errors.push({
      field: 'active',
      message: 'Ce compte a été anonymisé : il ne peut plus être réactivé. Invitez la personne avec un nouveau compte.',
    });
  }
  if (dto.name !== undefined && dto.name.trim() !== row.name) {
    errors.push({ field: 'name', message: 'Ce compte a été anonymisé : son nom reste « Ancien·ne responsable ».' });
  }
  if (errors.length) {
    throw new ApiException({
      statusCode: 409,
      error: 'account_anonymised',
      message: 'Ce compte a été anonymisé : il ne peut être ni réactivé ni renommé. Rien n’a été modifié.',
      errors,
    });
  }
}

/** The administrator's work on accounts: invite, change role and functions, deactivate. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: AccountsQueries,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  async list(): Promise<AccountView[]> {
    return (await this.queries.list()).map(view);
  }

  async get(id: string, tx?: EntityManager): Promise<AccountView> {
    const row = await this.queries.byId(id, tx);
    if (!row) throw ApiException.notFound('Le compte', id);
    return view(row);
  }

  /** Creates the account (no password) and mails a one-time link to choose one. */
  async invite(dto: InviteAccountDto, by: SignedIn): Promise<InvitationView> {
    const functionIds = dto.functionIds ?? [];
    this.checkOwning(dto.role, functionIds);
    const { id, token, expiresAt } = await this.em.transactional(async (tx) => {
      await this.queries.lockAll(tx);
      if (await this.queries.idByEmail(dto.email, tx)) {
        throw new ApiException({
          statusCode: 409,
          error: 'email_taken',
          message: `Un compte existe déjà pour ${dto.email}.`,
          errors: [{ field: 'email', message: 'Cette adresse a déjà un compte.' }],
        });
      }
      const created = await this.queries.insert({ name: dto.name, email: dto.email, role: dto.role }, tx);
      await this.assignFunctions(tx, created, functionIds);
      return { id: created, ...(await this.auth.issueToken(created, 'invitation', tx)) };
    });
    const mailed = await this.auth.sendInvitation({ name: dto.name, email: dto.email }, by.name, token, expiresAt);
    return { account: await this.get(id), mailed, expiresAt: expiresAt.toISOString() };
  }

  /** A new invitation for an account that has no password yet (the previous link stops working). */
  async reinvite(id: string, by: SignedIn): Promise<InvitationView> {
    const account = await this.get(id);
    if (account.hasPassword) {
      throw ApiException.rule([
        { field: 'id', message: 'Ce compte a déjà un mot de passe : la personne peut utiliser « Mot de passe oublié ».' },
      ]);
    }
    if (!account.active)
      throw ApiException.rule([{ field: 'active', message: 'Ce compte est désactivé : réactivez-le avant de l’inviter.' }]);
    const { token, expiresAt } = await this.auth.issueToken(id, 'invitation');
    const mailed = await this.auth.sendInvitation(account, by.name, token, expiresAt);
    return { account: await this.get(id), mailed, expiresAt: expiresAt.toISOString() };
  }

  async update(id: string, dto: UpdateAccountDto, by: SignedIn): Promise<AccountView> {
    const result = await this.em.transactional(async (tx) => {
      await this.queries.lockAll(tx);
      const row = await this.queries.lockState(id, tx);
      if (!row) throw ApiException.notFound('Le compte', id);
      if (row.version !== dto.version) throw ApiException.conflict(row.version, 'Ce compte');
      if (row.anonymised) refuseAnonymisedChange(row, dto);
      const role = dto.role ?? row.role;
      const active = dto.active ?? row.active;
      if (id === by.id && (role !== 'admin' || !active)) {
        throw ApiException.rule([
          {
            field: dto.active === false ? 'active' : 'role',
            message: 'Vous ne pouvez pas retirer vos propres droits d’administration : demandez-le à un autre administrateur.',
          },
        ]);
      }
      if (row.role === 'admin' && (role !== 'admin' || !active)) {
        if ((await this.queries.otherActiveAdmins(id, tx)) === 0)
          throw ApiException.rule([{ field: 'role', message: 'Il doit rester au moins un administrateur actif.' }]);
      }
      if (dto.functionIds) this.checkOwning(role, dto.functionIds);
      await this.queries.update(id, { name: dto.name ?? null, role, active }, tx);
      if (dto.functionIds) await this.assignFunctions(tx, id, dto.functionIds);
      else if (!OWNING_ROLES.includes(role)) await this.assignFunctions(tx, id, []);
      return { deactivated: row.active && !active };
    });
    if (result.deactivated) await this.sessions.closeAll(id);
    return this.get(id);
  }

  private checkOwning(role: Role, functionIds: string[]): void {
    if (functionIds.length && !OWNING_ROLES.includes(role)) {
      throw ApiException.rule([
        { field: 'functionIds', message: 'Seuls un responsable de fonction ou le chef de projet peuvent porter des fonctions.' },
      ]);
    }
  }

  /**
   * Makes the account the owner of exactly these functions: it takes them over from their
   * previous owners and lets go of the others. The roadmaps touched get a new revision (their
   * chronograms show owners).
   */
  private async assignFunctions(tx: EntityManager, accountId: string, functionIds: string[]): Promise<void> {
    const wanted = [...new Set(functionIds.map((f) => f.toLowerCase()))];
    if (wanted.length) {
      const found = await this.queries.existingFunctions(wanted, tx);
      const missing = wanted.filter((f) => !found.includes(f));
      if (missing.length) throw ApiException.rule([{ field: 'functionIds', message: `Fonction inconnue : ${missing.join(', ')}.` }]);
    }
    const roadmaps = await this.queries.setOwnedFunctions(accountId, wanted, tx);
    if (roadmaps.length) await this.queries.bumpRevisions(roadmaps, tx);
  }
}
