import { Inject, Injectable } from '@nestjs/common';
import type { DigestFrequency, Principal } from '@jalons/domain';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { AuthQueries } from './auth.queries';
import { randomToken, tokenHash } from './secrets';
import { SessionsQueries } from './sessions.queries';
import { ThrottleQueries } from './throttle.queries';

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

/** last_seen_at is written at most once a minute per session, not on every request */
const TOUCH_EVERY_MS = 60_000;

/**
 * Server-side sessions in PostgreSQL (docs/adr/0007-sessions.md): the cookie holds a random
 * token, the table its SHA-256. A deactivated account, an idle or too old session resolve to nobody.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly queries: SessionsQueries,
    private readonly throttle: ThrottleQueries,
    private readonly tokens: AuthQueries,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'sessionIdleMinutes' | 'sessionMaxHours'>,
  ) {}

  async open(accountId: string): Promise<{ token: string; csrfToken: string }> {
    const token = randomToken();
    const csrfToken = randomToken();
    await this.queries.insert({ tokenHash: tokenHash(token), accountId, csrfToken }, this.config.sessionMaxHours);
    await this.queries.markSignedIn(accountId);
    // a sign-in is a good moment to drop this account's dead sessions
    await this.queries.deleteEndedOf(accountId, this.config.sessionIdleMinutes);
    return { token, csrfToken };
  }

  async resolve(token: unknown): Promise<SignedIn | null> {
    // cookie-parser turns "j:…" values into objects: only a plain string can be a token
    if (typeof token !== 'string' || !token || token.length > 100) return null;
    const row = await this.queries.byToken(tokenHash(token), this.config.sessionIdleMinutes);
    if (!row) return null;
    let lastSeen = new Date(row.last_seen_at);
    if (Date.now() - lastSeen.getTime() > TOUCH_EVERY_MS) {
      await this.queries.touch(row.session_id);
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

  close(sessionId: string): Promise<void> {
    return this.queries.delete(sessionId);
  }

  /** Deletes ended sessions, spent sign-in counters and links expired for 30 days (run daily by the scheduler). */
  async purge(windowMinutes: number): Promise<void> {
    await this.queries.deleteEnded(this.config.sessionIdleMinutes);
    await this.throttle.purge(windowMinutes);
    await this.tokens.purgeTokens();
  }

  /** Ends every session of an account (deactivated, password changed), but `keep`. */
  closeAll(accountId: string, keep: string | null = null): Promise<void> {
    return this.queries.deleteAllOf(accountId, keep);
  }
}
