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

  /** Forgets the attempts under `key` (a successful sign-in clears its account's count). */
  clear(key: string): Promise<void> {
    return this.queries.clear(key);
  }

  /** Gives one attempt back (a successful sign-in from a shared office address). */
  giveBack(key: string): Promise<void> {
    return this.queries.giveBack(key);
  }
}
