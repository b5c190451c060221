import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccountView } from '@jalons/contract';
import type { Role } from '@jalons/domain';

import { and, Sql } from '../../infra/database/sql';
import type { SqlFragment } from '../../infra/database/sql';

/** An account as the administrator's list shows it. */
export interface AccountRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  has_password: boolean;
  /** timestamptz columns come back as PostgreSQL's text (`new Date` reads it) */
  invitation_expires_at: string | null;
  last_login_at: string | null;
  anonymised_at: string | null;
  version: number;
  functions: AccountView['functions'];
}

/** What an account change checks before it writes. */
export interface AccountStateRow {
  version: number;
  name: string;
  role: Role;
  active: boolean;
  /** anonymised by an administrator (issue 13): for good, never active or renamed again */
  anonymised: boolean;
}

/** The accounts matching `where` (the account is `a`), with their open invitation and the functions they own; active first, by name. */
function accountsWhere(where: SqlFragment): SqlFragment {
  return {
    text: `
select a.id, a.name, a.email, a.role, a.active, a.password_hash is not null as has_password, a.last_login_at, a.anonymised_at, a.version,
       (select max(t.expires_at) from account_token t where t.account_id = a.id and t.kind = 'invitation' and t.used_at is null and t.expires_at > now()) as invitation_expires_at,
       coalesce((select json_agg(json_build_object('id', f.id, 'code', f.code, 'name', f.name, 'roadmapId', f.roadmap_id) order by f.position)
                   from target_function f where f.owner_id = a.id), '[]') as functions
  from account a where ${where.text}
 order by a.active desc, lower(a.name)`,
    params: where.params,
  };
}

/** `in ()` cannot be empty: a UUID no row has stands for "none" */
const NONE = '00000000-0000-0000-0000-000000000000';

/** The accounts (`account`) as the administrator manages them, and the functions they own. */
@Injectable()
export class AccountsQueries {
  constructor(private readonly sql: Sql) {}

  /** Every account. */
  list(): Promise<AccountRow[]> {
    const q = accountsWhere(and([]));
    return this.sql.rows<AccountRow>(q.text, q.params);
  }

  byId(id: string, tx?: EntityManager): Promise<AccountRow | undefined> {
    const q = accountsWhere({ text: 'a.id = ?', params: [id] });
    return this.sql.one<AccountRow>(q.text, q.params, tx);
  }

  /**
   * Serialises the account changes until the transaction ends: the e-mail check and the insert
   * of an invitation, the "one active administrator at least" count and the update, cannot interleave.
   */
  async lockAll(tx: EntityManager): Promise<void> {
    await this.sql.rows('select pg_advisory_xact_lock(hashtext(?))', ['jalons:accounts'], tx);
  }

  /** The account with this e-mail (given lower-cased), if any. */
  async idByEmail(email: string, tx: EntityManager): Promise<string | undefined> {
    return (await this.sql.one<{ id: string }>('select id from account where lower(email) = ?', [email], tx))?.id;
  }

  /** A new active account, without a password; returns its id. */
  async insert(account: { name: string; email: string; role: Role }, tx: EntityManager): Promise<string> {
    const [row] = await this.sql.rows<{ id: string }>(
      `insert into account (id, created_at, updated_at, name, email, role, active, version) values (gen_random_uuid(), now(), now(), ?, ?, ?, true, 1) returning id`,
      [account.name, account.email, account.role],
      tx,
    );
    return row.id;
  }

  /** The account's version, name, role, activity and whether it was anonymised, its row locked until the transaction ends. */
  lockState(id: string, tx: EntityManager): Promise<AccountStateRow | undefined> {
    return this.sql.one<AccountStateRow>(
      'select version, name, role, active, anonymised_at is not null as anonymised from account where id = ? for update',
      [id],
      tx,
    );
  }

  /** How many active administrators there are besides this account. */
  async otherActiveAdmins(id: string, tx: EntityManager): Promise<number> {
    const [row] = await this.sql.rows<{ n: number }>(
      `select count(*)::int as n from account where role = 'admin' and active and id <> ?`,
      [id],
      tx,
    );
    return row.n;
  }

  /** Writes the account's name (kept when null), role and activity, and moves its version. */
  async update(id: string, change: { name: string | null; role: Role; active: boolean }, tx: EntityManager): Promise<void> {
    await this.sql.rows(
      'update account set name = coalesce(?, name), role = ?, active = ?, version = version + 1, updated_at = now() where id = ?',
      [change.name, change.role, change.active, id],
      tx,
    );
  }

  /** Those of `functionIds` that exist. */
  async existingFunctions(functionIds: readonly string[], tx: EntityManager): Promise<string[]> {
    return (await this.sql.rows<{ id: string }>('select id from target_function where id in (?)', [functionIds], tx)).map((r) => r.id);
  }

  /**
   * Makes the account the owner of exactly these functions (taken over from their previous
   * owners; its others let go); returns the roadmaps of the functions that changed hands, once each.
   */
  async setOwnedFunctions(accountId: string, functionIds: readonly string[], tx: EntityManager): Promise<string[]> {
    const list = functionIds.length ? functionIds : [NONE];
    const touched = await this.sql.rows<{ roadmap_id: string }>(
      `update target_function set owner_id = case when id in (?) then ?::uuid else null end
        where (id in (?) and owner_id is distinct from ?) or (owner_id = ? and id not in (?))
        returning roadmap_id`,
      [list, accountId, list, accountId, accountId, list],
      tx,
    );
    return [...new Set(touched.map((r) => r.roadmap_id))];
  }

  /** New revisions for these roadmaps (their cached chronograms show the owners). */
  async bumpRevisions(roadmapIds: readonly string[], tx: EntityManager): Promise<void> {
    await this.sql.rows('update roadmap set revision = revision + 1 where id in (?)', [roadmapIds], tx);
  }
}
