import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { DigestFrequency, Principal, Role } from '@jalons/domain';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { randomToken, tokenHash } from './secrets';

/** The account behind a request, as the guard found it. */
export interface SignedIn extends Principal {
  name: string;
  email: string;
  sessionId: string;
  csrfToken: string;
  /** when the session ends if no request comes (idle limit, capped by the absolute limit) */
  expiresAt: Date;
  digest: DigestFrequency;
}

interface SessionRow {
  session_id: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  id: string;
  name: string;
  email: string;
  role: Role;
  digest: DigestFrequency;
  function_ids: string[];
}

/** last_seen_at is written at most once a minute per session, not on every request */
const TOUCH_EVERY_MS = 60_000;

/**
 * Server-side sessions in PostgreSQL (docs/adr/0007-sessions.md): the cookie holds a random
 * token, the table its SHA-256. A deactivated account, an idle or too old session resolve to nobody.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'sessionIdleMinutes' | 'sessionMaxHours'>,
  ) {}

  private get sql() {
    return this.em.getConnection();
  }

  async open(accountId: string): Promise<{ token: string; csrfToken: string }> {
    const token = randomToken();
    const csrfToken = randomToken();
    await this.sql.execute(
      `insert into session (id, token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at)
       values (gen_random_uuid(), ?, ?, ?, now(), now(), now() + make_interval(hours => ?))`,
      [tokenHash(token), accountId, csrfToken, this.config.sessionMaxHours],
    );
    await this.sql.execute('update account set last_login_at = now() where id = ?', [accountId]);
    // a sign-in is a good moment to drop this account's dead sessions
    await this.sql.execute(
      `delete from session where account_id = ? and (expires_at <= now() or last_seen_at <= now() - make_interval(mins => ?))`,
      [accountId, this.config.sessionIdleMinutes],
    );
    return { token, csrfToken };
  }

  async resolve(token: unknown): Promise<SignedIn | null> {
    // cookie-parser turns "j:…" values into objects: only a plain string can be a token
    if (typeof token !== 'string' || !token || token.length > 100) return null;
    const [row] = await this.sql.execute<SessionRow[]>(
      `select s.id as session_id, s.csrf_token, s.last_seen_at, s.expires_at, a.id, a.name, a.email, a.role, a.digest,
              array(select f.id from target_function f where f.owner_id = a.id order by f.id) as function_ids
         from session s join account a on a.id = s.account_id
        where s.token_hash = ? and a.active and s.expires_at > now() and s.last_seen_at > now() - make_interval(mins => ?)`,
      [tokenHash(token), this.config.sessionIdleMinutes],
    );
    if (!row) return null;
    let lastSeen = new Date(row.last_seen_at);
    if (Date.now() - lastSeen.getTime() > TOUCH_EVERY_MS) {
      await this.sql.execute('update session set last_seen_at = now() where id = ?', [row.session_id]);
      lastSeen = new Date();
    }
    const idleEnd = lastSeen.getTime() + this.config.sessionIdleMinutes * 60_000;
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      functionIds: row.function_ids,
      digest: row.digest,
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      expiresAt: new Date(Math.min(idleEnd, new Date(row.expires_at).getTime())),
    };
  }

  async close(sessionId: string): Promise<void> {
    await this.sql.execute('delete from session where id = ?', [sessionId]);
  }

  /** Deletes ended sessions and spent sign-in counters (run daily by the scheduler). */
  async purge(windowMinutes: number): Promise<void> {
    await this.sql.execute('delete from session where expires_at <= now() or last_seen_at <= now() - make_interval(mins => ?)', [
      this.config.sessionIdleMinutes,
    ]);
    await this.sql.execute('delete from login_throttle where window_started_at <= now() - make_interval(mins => ?)', [windowMinutes]);
    await this.sql.execute(`delete from account_token where expires_at <= now() - interval '30 days'`);
  }

  /** Ends every session of an account (deactivated, password changed), but `keep`. */
  async closeAll(accountId: string, keep: string | null = null): Promise<void> {
    await this.sql.execute('delete from session where account_id = ? and id is distinct from ?', [accountId, keep]);
  }
}
