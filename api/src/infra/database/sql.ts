import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';

/**
 * Plain SQL on the request's connection (or the transaction's, when given one): the read models
 * and the set-based jobs use it (ADR 0012). Parameters are `?` placeholders, an array binds as a
 * list (`in (?)`); a query is composed from fragments and parameters, never by replacing text.
 */
@Injectable()
export class Sql {
  constructor(private readonly em: EntityManager) {}

  /** The rows of a query, typed by the caller's row interface (written beside the query). */
  rows<T>(query: string, params: readonly unknown[] = [], tx?: EntityManager): Promise<T[]> {
    // a transaction's statements go through its EntityManager: `getConnection().execute` alone takes
    // another pooled connection, outside the transaction (its locks and writes would not be the transaction's)
    if (tx) return tx.execute(query, params as never[]) as Promise<T[]>;
    return this.em.getConnection().execute<T[]>(query, params as never[]);
  }

  /**
   * The rows of a query as arrays of their values in the select's order (the driver's array mode, through
   * knex: MikroORM's `execute` has no such option), parameters bound: no object per row, for the large reads
   * whose rows go out as they are (the chronogram's bars as the wire's table, ADR 0034).
   */
  async arrays(query: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    const raw = this.em
      .getConnection()
      .getKnex()
      .raw(query, params as Knex.RawBinding[])
      .options({ rowMode: 'array' });
    return ((await raw) as { rows: unknown[][] }).rows;
  }

  /** The first row, or undefined. */
  async one<T>(query: string, params: readonly unknown[] = [], tx?: EntityManager): Promise<T | undefined> {
    const [row] = await this.rows<T>(query, params, tx);
    return row;
  }
}

/**
 * A bulk write with its parameters bound (`?` sent as `$1`, `$2`… rather than written into the text),
 * on the transaction's connection. `Sql` goes through MikroORM's `execute`, which writes every value
 * into the statement's text: a megabyte of rows as JSON then costs more to escape (pg's
 * `escapeLiteral`, a character at a time) and to parse than to write — measured on the import of
 * 2,500 actions, 150–200 ms of a 270–400 ms update (ADR 0012, bulk writes). Throws outside a transaction.
 */
export async function boundRows<T>(tx: EntityManager, query: string, params: readonly unknown[]): Promise<T[]> {
  const trx = tx.getTransactionContext<Knex.Transaction>();
  if (!trx) throw new Error('a bulk write runs in a transaction');
  const result = (await trx.raw(query, params as Knex.RawBinding[])) as { rows: T[] };
  return result.rows;
}

/** A piece of SQL with its parameters, to be joined into a query (a `where` list, an optional filter). */
export interface SqlFragment {
  text: string;
  params: unknown[];
}

/** `a and b and …` from the fragments given (an empty list is `true`). */
export function and(fragments: readonly SqlFragment[]): SqlFragment {
  if (!fragments.length) return { text: 'true', params: [] };
  return { text: fragments.map((f) => f.text).join(' and '), params: fragments.flatMap((f) => f.params) };
}

/** A fragment only when its value is given: `when(filter.ownerId, 'a.owner_id = ?')`. */
export function when(value: unknown, text: string): SqlFragment[] {
  return value === undefined || value === null || (Array.isArray(value) && !value.length) ? [] : [{ text, params: [value] }];
}

/** A timestamptz column as the API's ISO instant text (UTC, milliseconds, `Z`). */
export function isoInstant(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
