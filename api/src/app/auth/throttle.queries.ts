import { Injectable } from '@nestjs/common';

import { Sql } from '../../infra/database/sql';

/** A key's count in its window, right after an attempt was counted. */
export interface ThrottleCount {
  attempts: number;
  /** seconds until the window ends (may be 0 or less at its very end) */
  left: number;
}

/** The sign-in counters (`login_throttle`): one row per key, a fixed window each. */
@Injectable()
export class ThrottleQueries {
  constructor(private readonly sql: Sql) {}

  /**
   * Counts one attempt under `key` in one atomic upsert (parallel guesses cannot slip between a
   * check and a count); a window older than `windowMinutes` starts again at 1.
   */
  async hit(key: string, windowMinutes: number): Promise<ThrottleCount> {
    const [row] = await this.sql.rows<ThrottleCount>(
      `insert into login_throttle as t (key, attempts, window_started_at) values (?, 1, now())
       on conflict (key) do update set
         attempts = case when t.window_started_at <= now() - make_interval(mins => ?) then 1 else t.attempts + 1 end,
         window_started_at = case when t.window_started_at <= now() - make_interval(mins => ?) then now() else t.window_started_at end
       returning attempts, ceil(extract(epoch from (window_started_at + make_interval(mins => ?) - now())))::int as left`,
      [key, windowMinutes, windowMinutes, windowMinutes],
    );
    return row; // an upsert with `returning` always returns its row
  }

  /** Forgets the attempts under `key`. */
  async clear(key: string): Promise<void> {
    await this.sql.rows('delete from login_throttle where key = ?', [key]);
  }

  /** Forgets the attempts under every key starting with `prefix` (an account's pairs with each address). */
  async clearStartingWith(prefix: string): Promise<void> {
    await this.sql.rows('delete from login_throttle where starts_with(key, ?)', [prefix]);
  }

  /** Gives one attempt back under `key` (never below zero). */
  async giveBack(key: string): Promise<void> {
    await this.sql.rows('update login_throttle set attempts = greatest(attempts - 1, 0) where key = ?', [key]);
  }

  /** Deletes the counters whose window ended (run daily by the scheduler, through the sessions' purge). */
  async purge(windowMinutes: number): Promise<void> {
    await this.sql.rows('delete from login_throttle where window_started_at <= now() - make_interval(mins => ?)', [windowMinutes]);
  }
}
