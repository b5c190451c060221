import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AccountView, InvitationView, InviteAccountDto, UpdateAccountDto } from '@jalons/contract';
import type { Role } from '@jalons/domain';

import { ApiException } from '../../infra/http/errors';
import { AuthService } from '../auth';
import type { SignedIn } from '../auth';
import { SessionsService } from '../auth';

interface AccountRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  has_password: boolean;
  invitation_expires_at: Date | null;
  last_login_at: Date | null;
  version: number;
  functions: AccountView['functions'];
}

const ACCOUNTS_SQL = (where: string) => `
select a.id, a.name, a.email, a.role, a.active, a.password_hash is not null as has_password, a.last_login_at, a.version,
       (select max(t.expires_at) from account_token t where t.account_id = a.id and t.kind = 'invitation' and t.used_at is null and t.expires_at > now()) as invitation_expires_at,
       coalesce((select json_agg(json_build_object('id', f.id, 'code', f.code, 'name', f.name, 'roadmapId', f.roadmap_id) order by f.position)
                   from target_function f where f.owner_id = a.id), '[]') as functions
  from account a ${where}
 order by a.active desc, lower(a.name)`;

const NONE = '00000000-0000-0000-0000-000000000000';

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
    version: r.version,
  };
}

/** The administrator's work on accounts: invite, change role and functions, deactivate. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  async list(): Promise<AccountView[]> {
    return (await this.em.getConnection().execute<AccountRow[]>(ACCOUNTS_SQL(''))).map(view);
  }

  async get(id: string, em: EntityManager = this.em): Promise<AccountView> {
    const [row] = await em.execute<AccountRow[]>(ACCOUNTS_SQL('where a.id = ?'), [id]);
    if (!row) throw ApiException.notFound('Le compte', id);
    return view(row);
  }

  /** Creates the account (no password) and mails a one-time link to choose one. */
  async invite(dto: InviteAccountDto, by: SignedIn): Promise<InvitationView> {
    const functionIds = dto.functionIds ?? [];
    this.checkOwning(dto.role, functionIds);
    const { id, token, expiresAt } = await this.em.transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', ['jalons:accounts']);
      const [taken] = await tx.execute<Array<{ id: string }>>('select id from account where lower(email) = ?', [dto.email]);
      if (taken) {
        throw new ApiException({
          statusCode: 409,
          error: 'email_taken',
          message: `Un compte existe déjà pour ${dto.email}.`,
          errors: [{ field: 'email', message: 'Cette adresse a déjà un compte.' }],
        });
      }
      const [row] = await tx.execute<Array<{ id: string }>>(
        `insert into account (id, created_at, updated_at, name, email, role, active, version) values (gen_random_uuid(), now(), now(), ?, ?, ?, true, 1) returning id`,
        [dto.name, dto.email, dto.role],
      );
      await this.assignFunctions(tx, row.id, functionIds);
      return { id: row.id, ...(await this.auth.issueToken(row.id, 'invitation', tx)) };
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
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', ['jalons:accounts']);
      const [row] = await tx.execute<Array<{ version: number; role: Role; active: boolean }>>(
        'select version, role, active from account where id = ? for update',
        [id],
      );
      if (!row) throw ApiException.notFound('Le compte', id);
      if (row.version !== dto.version) throw ApiException.conflict(row.version, 'Ce compte');
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
        const [{ n }] = await tx.execute<Array<{ n: number }>>(
          `select count(*)::int as n from account where role = 'admin' and active and id <> ?`,
          [id],
        );
        if (n === 0) throw ApiException.rule([{ field: 'role', message: 'Il doit rester au moins un administrateur actif.' }]);
      }
      if (dto.functionIds) this.checkOwning(role, dto.functionIds);
      await tx.execute(
        'update account set name = coalesce(?, name), role = ?, active = ?, version = version + 1, updated_at = now() where id = ?',
        [dto.name ?? null, role, active, id],
      );
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
      const found = await tx.execute<Array<{ id: string }>>('select id from target_function where id in (?)', [wanted]);
      const missing = wanted.filter((f) => !found.some((r) => r.id === f));
      if (missing.length) throw ApiException.rule([{ field: 'functionIds', message: `Fonction inconnue : ${missing.join(', ')}.` }]);
    }
    // `in ()` cannot be empty: a UUID no row has stands for "none"
    const list = wanted.length ? wanted : [NONE];
    const touched = await tx.execute<Array<{ roadmap_id: string }>>(
      `update target_function set owner_id = case when id in (?) then ?::uuid else null end
        where (id in (?) and owner_id is distinct from ?) or (owner_id = ? and id not in (?))
        returning roadmap_id`,
      [list, accountId, list, accountId, accountId, list],
    );
    const roadmaps = [...new Set(touched.map((r) => r.roadmap_id))];
    if (roadmaps.length) await tx.execute('update roadmap set revision = revision + 1 where id in (?)', [roadmaps]);
  }
}
