/*
 * A lost or refused database connection, told apart from every other error (ADR 0031): the API answers it 503 with
 * Retry-After (error.filter.ts) and a write transaction that met it before its COMMIT is run once more
 * (ResilientEntityManager below).
 */
import { EntityManager } from '@mikro-orm/postgresql';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { TransactionOptions } from '@mikro-orm/core';

/** The seconds a client is told to wait (Retry-After) when the database is unreachable: a fast restart takes one or two. */
export const OUTAGE_RETRY_AFTER_SECONDS = 2;

/**
 * SQLSTATEs of a connection that is gone or refused: class 08 (connection exception), 57P01 (admin shutdown),
 * 57P02 (crash shutdown), 57P03 (cannot connect now: starting up or shutting down), 53300 (too many connections).
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** The operating system's codes of a socket refused, reset, broken or timed out. */
const SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/** pg's and knex's own words for a connection lost, closed or never obtained (they carry no code). */
const MESSAGES = [
  /Connection terminated/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Connection ended unexpectedly/i,
  /Timeout acquiring a connection/i,
  /terminating connection due to administrator command/i,
  /the database system is (shutting down|starting up|in recovery mode)/i,
  // knex's, when a statement follows its transaction's BEGIN, SAVEPOINT or ROLLBACK that failed: with MikroORM, which
  // alone issues those, that is a connection lost under the transaction (the original error is not passed on)
  /Transaction query already complete/i,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  name?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * Whether an error (pg's, knex's, MikroORM's wrapper of them, a socket's, an AggregateError of a refused
 * connection to several addresses) means the database could not be reached or dropped the connection.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as ErrorLike;
  if (typeof e.code === 'string' && (SQLSTATE.test(e.code) || SOCKET.has(e.code))) return true;
  if (e.name === 'KnexTimeoutError' || e.name === 'ConnectionException') return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  if (e.cause && isDatabaseUnavailable(e.cause, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1));
}

/** Thrown (with the original as cause) when the connection failed after COMMIT was sent: the write may or may not be there. */
export class AmbiguousCommitError extends Error {
  constructor(cause: unknown) {
    super(`the database connection failed during COMMIT: ${(cause as Error)?.message ?? cause}`, { cause });
    this.name = 'AmbiguousCommitError';
  }
}

/**
 * MikroORM's EntityManager (set as `entityManager` in ormOptions, so every `em.transactional` is this one) whose
 * top-level transaction, when the database connection failed before COMMIT was sent, is run once more: PostgreSQL
 * rolled the first attempt back, and the second reads everything again (the version check still guards it). A
 * failure after COMMIT was sent is ambiguous: no retry, an AmbiguousCommitError (answered 503 like any outage).
 */
export class ResilientEntityManager extends EntityManager<PostgreSqlDriver> {
  override async transactional<T>(cb: (em: this) => T | Promise<T>, options: TransactionOptions = {}): Promise<T> {
    // nested (a savepoint) or inside a transaction begun by hand: the outer one decides
    if (this.getContext(false).getTransactionContext() || options.ctx) return super.transactional(cb, options);
    for (let attempt = 1; ; attempt++) {
      let committing = false;
      try {
        return await super.transactional((tx) => {
          // the fork's own event manager: after the callback and its flush, right before COMMIT is sent
          tx.getEventManager().registerSubscriber({ beforeTransactionCommit: () => void (committing = true) });
          return cb(tx);
        }, options);
      } catch (e) {
        if (!isDatabaseUnavailable(e)) throw e;
        if (committing) throw new AmbiguousCommitError(e);
        if (attempt >= 2) throw e;
      }
    }
  }
}
