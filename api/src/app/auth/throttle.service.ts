import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';

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
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'loginWindowMinutes'>,
  ) {}

  /** Counts one attempt under `key`; allowed while the count stays within `max` in the window. */
  async hit(key: string, max: number): Promise<ThrottleVerdict> {
    const [row] = await this.em.getConnection().execute<Array<{ attempts: number; left: number }>>(
      `insert into login_throttle as t (key, attempts, window_started_at) values (?, 1, now())
       on conflict (key) do update set
         attempts = case when t.window_started_at <= now() - make_interval(mins => ?) then 1 else t.attempts + 1 end,
         window_started_at = case when t.window_started_at <= now() - make_interval(mins => ?) then now() else t.window_started_at end
       returning attempts, ceil(extract(epoch from (window_started_at + make_interval(mins => ?) - now())))::int as left`,
      [key, this.config.loginWindowMinutes, this.config.loginWindowMinutes, this.config.loginWindowMinutes],
    );
    return { allowed: row.attempts <= max, retryAfterSeconds: Math.max(1, row.left) };
  }

  /** Forgets the attempts under `key` (a successful sign-in clears its account's count). */
  async clear(key: string): Promise<void> {
    await this.em.getConnection().execute('delete from login_throttle where key = ?', [key]);
  }

  /** Gives one attempt back (a successful sign-in from a shared office address). */
  async giveBack(key: string): Promise<void> {
    await this.em.getConnection().execute('update login_throttle set attempts = greatest(attempts - 1, 0) where key = ?', [key]);
  }
}
