import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';

import { Sql } from '../../infra/database/sql';
import type { AccountTokenKind } from '../../entities';

/** What a sign-in checks of an account. */
export interface CredentialsRow {
  id: string;
  active: boolean;
  password_hash: string | null;
}

/** A one-time link's token with its account, as a redemption checks it. */
export interface TokenRow {
  id: string;
  account_id: string;
  email: string;
  /** timestamptz columns come back as PostgreSQL's text (`new Date` reads it) */
  used_at: string | null;
  expired: boolean;
  active: boolean;
}

/**
 * Credentials (`account.password_hash`), one-time links (`account_token`) and what the access
 * policies read. Sessions and sign-in counters have their own classes (sessions.queries.ts, throttle.queries.ts).
 */
@Injectable()
export class AuthQueries {
  constructor(private readonly sql: Sql) {}

  /** The account with this e-mail (given lower-cased), active or not. */
  credentialsByEmail(email: string): Promise<CredentialsRow | undefined> {
    return this.sql.one<CredentialsRow>('select id, active, password_hash from account where lower(email) = ?', [email]);
  }

  /** The account's password hash: null when it has none yet, undefined when there is no such account. */
  async passwordHash(accountId: string): Promise<string | null | undefined> {
    return (await this.sql.one<{ password_hash: string | null }>('select password_hash from account where id = ?', [accountId]))
      ?.password_hash;
  }

  /** A password changed by its signed-in account (the account's version is left as it is). */
  async setPassword(accountId: string, hash: string, tx?: EntityManager): Promise<void> {
    await this.sql.rows('update account set password_hash = ? where id = ?', [hash, accountId], tx);
  }

  /** A password chosen with a one-time link (the account's version moves). */
  async setPasswordFromLink(accountId: string, hash: string, tx: EntityManager): Promise<void> {
    await this.sql.rows('update account set password_hash = ?, version = version + 1 where id = ?', [hash, accountId], tx);
  }

  /** The active account with this e-mail (given lower-cased): who a reset link goes to. */
  activeByEmail(email: string): Promise<{ id: string; name: string; email: string } | undefined> {
    return this.sql.one('select id, name, email from account where lower(email) = ? and active', [email]);
  }

  /**
   * The token with this hash and kind, with its account; `lock` takes the token row's lock until
   * the transaction ends, so two redemptions of one link cannot both pass the checks.
   */
  tokenByHash(tokenHash: string, kind: AccountTokenKind, lock: boolean, tx: EntityManager): Promise<TokenRow | undefined> {
    return this.sql.one<TokenRow>(
      `select t.id, t.account_id, a.email, t.used_at, t.expires_at <= now() as expired, a.active
         from account_token t join account a on a.id = t.account_id
        where t.token_hash = ? and t.kind = ? ${lock ? 'for update of t' : ''}`,
      [tokenHash, kind],
      tx,
    );
  }

  /** The token has served. */
  async markTokenUsed(tokenId: string, tx: EntityManager): Promise<void> {
    await this.sql.rows('update account_token set used_at = now() where id = ?', [tokenId], tx);
  }

  /**
   * Spends the account's unused tokens of every kind, invitation and reset alike: run in the
   * transaction that sets a password, so no link sent earlier can set another one over it.
   */
  async spendTokens(accountId: string, tx: EntityManager): Promise<void> {
    await this.sql.rows('update account_token set used_at = now() where account_id = ? and used_at is null', [accountId], tx);
  }

  /** Ends the account's unused tokens of this kind (a new link replaces them). */
  async endUnusedTokens(accountId: string, kind: AccountTokenKind, tx?: EntityManager): Promise<void> {
    await this.sql.rows(
      'update account_token set used_at = now() where account_id = ? and kind = ? and used_at is null',
      [accountId, kind],
      tx,
    );
  }

  /** Stores a token's hash for the account, valid `ttlMinutes` from now; returns when it expires. */
  async insertToken(token: { tokenHash: string; accountId: string; kind: AccountTokenKind }, ttlMinutes: number, tx?: EntityManager) {
    const [row] = await this.sql.rows<{ expires_at: string }>(
      `insert into account_token (id, token_hash, account_id, kind, created_at, expires_at)
       values (gen_random_uuid(), ?, ?, ?, now(), now() + make_interval(mins => ?)) returning expires_at`,
      [token.tokenHash, token.accountId, token.kind, ttlMinutes],
      tx,
    );
    return new Date(row.expires_at);
  }

  /** Deletes the tokens expired for 30 days (run daily by the scheduler, through the sessions' purge). */
  async purgeTokens(): Promise<void> {
    await this.sql.rows(`delete from account_token where expires_at <= now() - interval '30 days'`);
  }

  /** The function of an action or a milestone (undefined when there is no such item): what an owner's right to write it depends on. */
  async functionOfItem(table: 'action' | 'milestone', id: string): Promise<string | undefined> {
    const query = table === 'action' ? 'select function_id from action where id = ?' : 'select function_id from milestone where id = ?';
    return (await this.sql.one<{ function_id: string }>(query, [id]))?.function_id;
  }

  /** The function of a deleted action or milestone, from the Corbeille (undefined when it is not there): who may restore it. */
  async functionOfDeletedItem(itemType: 'action' | 'milestone', id: string): Promise<string | undefined> {
    const query = 'select function_id from deleted_item where item_type = ? and item_id = ?';
    return (await this.sql.one<{ function_id: string }>(query, [itemType, id]))?.function_id;
  }

  /** The function of an indicator, or of a measurement's indicator (undefined when there is none): who may write it. */
  async functionOfIndicator(kind: 'indicator' | 'measurement', id: string): Promise<string | undefined> {
    const query =
      kind === 'indicator'
        ? 'select function_id from indicator where id = ?'
        : 'select i.function_id from measurement m join indicator i on i.id = m.indicator_id where m.id = ?';
    return (await this.sql.one<{ function_id: string }>(query, [id]))?.function_id;
  }

  /** The function of the item a proof link is on (undefined when there is no such link): who may delete it. */
  /** The function of a link's item; null for a decision's link (no function: the lead's), undefined for an unknown link. */
  async functionOfEvidence(id: string): Promise<string | null | undefined> {
    const query = `select coalesce(a.function_id, m.function_id) as function_id from evidence e
      left join action a on a.id = e.action_id left join milestone m on m.id = e.milestone_id where e.id = ?`;
    const row = await this.sql.one<{ function_id: string | null }>(query, [id]);
    return row ? row.function_id : undefined;
  }
}
