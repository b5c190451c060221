import { Injectable } from '@nestjs/common';
import type { DigestFrequency, Role } from '@jalons/domain';

import { Sql } from '../../infra/database/sql';

/** A live session and its account, as `byToken` finds them. */
export interface SessionRow {
  session_id: string;
  csrf_token: string;
  /** timestamptz columns come back as PostgreSQL's text (`new Date` reads it) */
  last_seen_at: string;
  expires_at: string;
  id: string;
  name: string;
  email: string;
  role: Role;
  digest: DigestFrequency;
  function_ids: string[];
}

/** A session has ended when it is too old or idle for `idleMinutes` (`s` is the session). */
const ENDED = '(s.expires_at <= now() or s.last_seen_at <= now() - make_interval(mins => ?))';

/** Server-side sessions (`session`, docs/adr/0007-sessions.md): the table holds each cookie token's SHA-256. */
@Injectable()
export class SessionsQueries {
  constructor(private readonly sql: Sql) {}

  /** A new session for the account, ending `maxHours` from now at the latest. */
  async insert(session: { tokenHash: string; accountId: string; csrfToken: string }, maxHours: number): Promise<void> {
    await this.sql.rows(
      `insert into session (id, token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at)
       values (gen_random_uuid(), ?, ?, ?, now(), now(), now() + make_interval(hours => ?))`,
      [session.tokenHash, session.accountId, session.csrfToken, maxHours],
    );
  }

  /** The account's last sign-in is now (the administrator's list shows it). */
  async markSignedIn(accountId: string): Promise<void> {
    await this.sql.rows('update account set last_login_at = now() where id = ?', [accountId]);
  }

  /** Deletes the account's ended sessions (too old, or idle for `idleMinutes`). */
  async deleteEndedOf(accountId: string, idleMinutes: number): Promise<void> {
    await this.sql.rows(`delete from session s where s.account_id = ? and ${ENDED}`, [accountId, idleMinutes]);
  }

  /**
   * The live session whose token has this hash, with its account and the functions it owns;
   * nothing when the account is deactivated or the session too old or idle for `idleMinutes`.
   */
  byToken(tokenHash: string, idleMinutes: number): Promise<SessionRow | undefined> {
    return this.sql.one<SessionRow>(
      `select s.id as session_id, s.csrf_token, s.last_seen_at, s.expires_at, a.id, a.name, a.email, a.role, a.digest,
              array(select f.id from target_function f where f.owner_id = a.id order by f.id) as function_ids
         from session s join account a on a.id = s.account_id
        where s.token_hash = ? and a.active and s.expires_at > now() and s.last_seen_at > now() - make_interval(mins => ?)`,
      [tokenHash, idleMinutes],
    );
  }

  /** The session was seen now (its idle limit starts again). */
  async touch(sessionId: string): Promise<void> {
    await this.sql.rows('update session set last_seen_at = now() where id = ?', [sessionId]);
  }

  async delete(sessionId: string): Promise<void> {
    await this.sql.rows('delete from session where id = ?', [sessionId]);
  }

  /** Deletes every ended session (too old, or idle for `idleMinutes`). */
  async deleteEnded(idleMinutes: number): Promise<void> {
    await this.sql.rows(`delete from session s where ${ENDED}`, [idleMinutes]);
  }

  /** Deletes every session of the account but `keep` (none kept when null). */
  async deleteAllOf(accountId: string, keep: string | null): Promise<void> {
    await this.sql.rows('delete from session where account_id = ? and id is distinct from ?', [accountId, keep]);
  }
}
