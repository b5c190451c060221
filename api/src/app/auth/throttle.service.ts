import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { ThrottleQueries } from './throttle.queries';

export interface ThrottleVerdict {
  allowed: boolean;
  /** seconds until the window ends */
  retryAfterSeconds: number;
}

/**
 * The counters' keys (ADR 0007). Sign-in failures are counted per (account, address) pair, so an
 * attacker's guesses pause the attacker's address and not the owner's; per account over every
 * address, a higher ceiling; per address whatever the accounts. E-mails are lower-cased by the DTOs.
 */
export const throttleKeys = {
  signInPair: (email: string, ip: string) => `email-ip:${email}|${ip}`,
  /** the prefix of every pair of one account (an e-mail holds no `|` after its `@`) */
  signInPairsOf: (email: string) => `email-ip:${email}|`,
  signInAccount: (email: string) => `email:${email}`,
  signInAddress: (ip: string) => `ip:${ip}`,
  passwordChange: (accountId: string) => `password:${accountId}`,
  resetPair: (email: string, ip: string) => `reset:${email}|${ip}`,
  resetAddress: (ip: string) => `reset-ip:${ip}`,
  redeemAddress: (ip: string) => `redeem-ip:${ip}`,
};

/** The longest wait among the refusals, or null when every verdict allows (a null verdict was not counted). */
export function longestWait(verdicts: Array<ThrottleVerdict | null>): number | null {
  const waits = verdicts.filter((v): v is ThrottleVerdict => v !== null && !v.allowed).map((v) => v.retryAfterSeconds);
  return waits.length ? Math.max(...waits) : null;
}

/**
 * Fixed-window attempt counters in PostgreSQL, shared by every instance. An attempt is counted
 * before the password is checked (one atomic upsert), so parallel guesses cannot slip through
 * between a check and a count.
 */
@Injectable()
export class ThrottleService {
  constructor(
    private readonly queries: ThrottleQueries,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'loginWindowMinutes'>,
  ) {}

  /** Counts one attempt under `key`; allowed while the count stays within `max` in the window. */
  async hit(key: string, max: number): Promise<ThrottleVerdict> {
    const row = await this.queries.hit(key, this.config.loginWindowMinutes);
    return { allowed: row.attempts <= max, retryAfterSeconds: Math.max(1, row.left) };
  }

  /** Forgets the attempts under `key`. */
  clear(key: string): Promise<void> {
    return this.queries.clear(key);
  }

  /** Lifts every sign-in pause of an account (a new password was set): its ceiling and its pairs with each address. */
  async clearAccount(email: string): Promise<void> {
    await this.queries.clear(throttleKeys.signInAccount(email));
    await this.queries.clearStartingWith(throttleKeys.signInPairsOf(email));
  }

  /** Gives one attempt back (a successful sign-in is no failure: its account and address get it back). */
  giveBack(key: string): Promise<void> {
    return this.queries.giveBack(key);
  }
}
