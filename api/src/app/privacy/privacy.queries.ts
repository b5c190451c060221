import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@jalons/domain';

import { Sql } from '../../infra/database/sql';
import type { SqlFragment } from '../../infra/database/sql';

/** The account an anonymisation reads, its row locked. */
export interface AnonymisedAccountRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  version: number;
  anonymised_at: string | null;
}

/** A column the sweep looks into: text or varchar (`text`), text[] or varchar[] (`array`), `jsonb` or `json`. */
export interface SweptColumn {
  table_name: string;
  column_name: string;
  kind: 'text' | 'array' | 'jsonb' | 'json';
  /** varchar(n): the replaced value is cut to n characters */
  max_length: number | null;
}

/** A regular expression (PostgreSQL's ARE) and its flags ('g', or 'gi' for case-insensitive). */
export interface SweepPattern {
  regex: string;
  flags: 'g' | 'gi';
}

/**
 * Tables the sweep never looks into: the migrations' journal, and `account`, whose anonymised row is
 * rewritten whole (ADR 0027) — another account's name is that person's own, even when it contains the old one.
 */
export const SWEEP_SKIPPED_TABLES = ['mikro_orm_migrations', 'account'];

/** The tables the purge deletes from (ADR 0027, docs/privacy.md). */
export type PurgedTable = 'session' | 'account_token' | 'outbox' | 'notification' | 'login_throttle';

/** An identifier as PostgreSQL reads it (names from information_schema, never from a request). */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The value `v` (an SQL expression) with every pattern replaced by the label: nested
 * `regexp_replace` calls, the patterns and the label bound as parameters.
 */
function replaced(v: string, patterns: readonly SweepPattern[], label: string): SqlFragment {
  let text = v;
  const params: unknown[] = [];
  for (const p of patterns) {
    text = `regexp_replace(${text}, ?, ?, ?)`;
    params.push(p.regex, label, p.flags);
  }
  return { text, params };
}

/** `v` matches one of the patterns. */
function matches(v: string, patterns: readonly SweepPattern[]): SqlFragment {
  return {
    text: `(${patterns.map((p) => `${v} ${p.flags === 'gi' ? '~*' : '~'} ?`).join(' or ')})`,
    params: patterns.map((p) => p.regex),
  };
}

/** The SET expression and WHERE condition of one column's sweep. */
export function sweepOf(column: SweptColumn, patterns: readonly SweepPattern[], label: string): { set: SqlFragment; where: SqlFragment } {
  const c = ident(column.column_name);
  if (column.kind === 'array') {
    const each = replaced('u.x', patterns, label);
    const hit = matches('u.x', patterns);
    return {
      set: { text: `(select array_agg(${each.text} order by u.o) from unnest(${c}) with ordinality u(x, o))`, params: each.params },
      where: { text: `exists (select 1 from unnest(${c}) u(x) where ${hit.text})`, params: hit.params },
    };
  }
  if (column.kind === 'jsonb' || column.kind === 'json') {
    // replaced inside the JSON text, then read back: the patterns are written for JSON's escaping
    const r = replaced(`${c}::text`, patterns, label);
    return { set: { text: `(${r.text})::${column.kind}`, params: r.params }, where: matches(`${c}::text`, patterns) };
  }
  const r = replaced(c, patterns, label);
  return {
    set: column.max_length ? { text: `left(${r.text}, ${Number(column.max_length)})`, params: r.params } : r,
    where: matches(c, patterns),
  };
}

/** Anonymisation (one transaction, the account row locked) and the retention purge: set-based work in plain SQL (ADR 0012, 0027). */
@Injectable()
export class PrivacyQueries {
  constructor(private readonly sql: Sql) {}

  /** The same lock the accounts' changes take: "one active administrator at least" cannot be outrun. */
  async lockAccounts(tx: EntityManager): Promise<void> {
    await this.sql.rows('select pg_advisory_xact_lock(hashtext(?))', ['jalons:accounts'], tx);
  }

  lockAccount(id: string, tx: EntityManager): Promise<AnonymisedAccountRow | undefined> {
    return this.sql.one<AnonymisedAccountRow>(
      'select id, name, email, role, active, version, anonymised_at from account where id = ? for update',
      [id],
      tx,
    );
  }

  async otherActiveAdmins(id: string, tx: EntityManager): Promise<number> {
    const [row] = await this.sql.rows<{ n: number }>(
      `select count(*)::int as n from account where role = 'admin' and active and id <> ?`,
      [id],
      tx,
    );
    return row.n;
  }

  /**
   * Ends what the account could still do or receive: sessions and one-time links deleted, calendar
   * feeds revoked, unread reminders and unsent e-mails deleted, sign-in counters naming the e-mail deleted.
   */
  async cutOff(id: string, email: string, tx: EntityManager): Promise<void> {
    await this.sql.rows('delete from session where account_id = ?', [id], tx);
    await this.sql.rows('delete from account_token where account_id = ?', [id], tx);
    await this.sql.rows('update calendar_feed set revoked_at = coalesce(revoked_at, now()) where account_id = ?', [id], tx);
    await this.sql.rows('delete from notification where account_id = ? and read_at is null', [id], tx);
    await this.sql.rows(`delete from outbox where (account_id = ? or lower(to_address) = lower(?)) and status <> 'sent'`, [id, email], tx);
    await this.sql.rows('delete from login_throttle where strpos(lower(key), lower(?)) > 0', [email], tx);
  }

  /** The account's attendances carry a copy of its name (perhaps an older one): it becomes the label. */
  async relabelAttendances(id: string, label: string, tx: EntityManager): Promise<void> {
    await this.sql.rows('update meeting_attendee set name = ? where account_id = ?', [label, id], tx);
  }

  /** Every text, varchar, text[]/varchar[] and jsonb/json column of every table of the schema but the skipped ones. */
  sweptColumns(tx: EntityManager): Promise<SweptColumn[]> {
    return this.sql.rows<SweptColumn>(
      `select c.table_name, c.column_name,
              case when c.data_type in ('jsonb', 'json') then c.data_type when c.data_type = 'ARRAY' then 'array' else 'text' end as kind,
              c.character_maximum_length as max_length
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
        where c.table_schema = current_schema() and c.table_name not in (?) and c.is_generated = 'NEVER'
          and (c.data_type in ('text', 'character varying', 'jsonb', 'json') or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
        order by c.table_name, c.column_name`,
      [SWEEP_SKIPPED_TABLES],
      tx,
    );
  }

  /** Replaces the patterns by the label in one column of every row holding them; returns how many rows changed. */
  async sweep(column: SweptColumn, patterns: readonly SweepPattern[], label: string, tx: EntityManager): Promise<number> {
    const { set, where } = sweepOf(column, patterns, label);
    const [row] = await this.sql.rows<{ n: number }>(
      `with changed as (update ${ident(column.table_name)} set ${ident(column.column_name)} = ${set.text} where ${where.text} returning 1)
       select count(*)::int as n from changed`,
      [...set.params, ...where.params],
      tx,
    );
    return row.n;
  }

  /** The account row itself: the label, the neutral address, no password, no e-mail, inactive, the instant; a new version. */
  async rewriteAccount(id: string, change: { name: string; email: string }, tx: EntityManager): Promise<void> {
    await this.sql.rows(
      `update account set name = ?, email = ?, password_hash = null, active = false, digest = 'none', monthly_summary = false,
              anonymised_at = now(), version = version + 1, updated_at = now()
        where id = ?`,
      [change.name, change.email, id],
      tx,
    );
  }

  /** Every roadmap's chronogram cache and ETag show names: new revisions. */
  async bumpAllRevisions(tx: EntityManager): Promise<void> {
    await this.sql.rows('update roadmap set revision = revision + 1', [], tx);
  }

  /** How many rows of `table` match the retention rule, deleted unless `dryRun`. */
  async purge(table: PurgedTable, rule: SqlFragment, dryRun: boolean): Promise<number> {
    const query = dryRun
      ? `select count(*)::int as n from ${ident(table)} where ${rule.text}`
      : `with gone as (delete from ${ident(table)} where ${rule.text} returning 1) select count(*)::int as n from gone`;
    const [row] = await this.sql.rows<{ n: number }>(query, rule.params);
    return row.n;
  }
}

/** The instant `days` days before `day`'s midnight in Europe/Paris: what is older is past retention. */
const CUTOFF = `((?::date - ?::int)::timestamp at time zone 'Europe/Paris')`;

/** The retention rules (docs/privacy.md), each a condition on its table. */
export const RETENTION_RULES = {
  /** ended (expired, or idle for `idleMinutes`) more than `days` days before `day` */
  session: (day: string, days: number, idleMinutes: number): SqlFragment => ({
    text: `least(expires_at, last_seen_at + make_interval(mins => ?)) < ${CUTOFF}`,
    params: [idleMinutes, day, days],
  }),
  /** used, or expired unused, more than `days` days before `day` */
  account_token: (day: string, days: number): SqlFragment => ({ text: `coalesce(used_at, expires_at) < ${CUTOFF}`, params: [day, days] }),
  /** sent, or given up (failed: counted from its creation), more than `days` days before `day` */
  outbox: (day: string, days: number): SqlFragment => ({
    text: `status in ('sent', 'failed') and coalesce(sent_at, created_at) < ${CUTOFF}`,
    params: [day, days],
  }),
  /** due more than `days` days before `day` */
  notification: (day: string, days: number): SqlFragment => ({ text: `due_date < ?::date - ?::int`, params: [day, days] }),
  /** counters whose window ended (`windowMinutes`) */
  login_throttle: (windowMinutes: number): SqlFragment => ({
    text: `window_started_at <= now() - make_interval(mins => ?)`,
    params: [windowMinutes],
  }),
} as const;
