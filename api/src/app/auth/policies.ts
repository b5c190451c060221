import { SetMetadata } from '@nestjs/common';
import { canManageAccounts, canManageRoadmap, canRead, canWriteItemsOf } from '@jalons/domain';
import type { Principal } from '@jalons/domain';
import type { Request } from 'express';

import type { AuthQueries } from './auth.queries';

/**
 * An access policy: who may call a route. Every route declares one with `@Allow(...)`; a route
 * without a policy is refused (the guard logs it, and the authorisation matrix test fails).
 * docs/adr/0008-authorisation.md
 */
export interface Policy {
  name: string;
  /** reachable without signing in */
  anonymous: boolean;
  allows(who: Principal | null, req: Request, queries: AuthQueries): boolean | Promise<boolean>;
}

export const POLICY = Symbol('jalons:policy');
export const Allow = (policy: Policy): MethodDecorator & ClassDecorator => SetMetadata(POLICY, policy);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The function of an action or milestone; undefined when there is no such item (the route answers 404). */
async function functionOf(queries: AuthQueries, table: 'action' | 'milestone', id: unknown): Promise<string | undefined> {
  if (typeof id !== 'string' || !UUID.test(id)) return undefined; // the route's own check answers 400
  return queries.functionOfItem(table, id);
}

/** The function a body moves an item into, when it names one (`functionId`). */
function bodyFunction(req: Request): unknown {
  const body = req.body as { functionId?: unknown } | undefined;
  return body && typeof body === 'object' ? body.functionId : undefined;
}

/**
 * Writing an item: the project lead, or the owner of the item's function — and, when the body
 * moves it to another function, of that one too. An item that does not exist is left to the
 * route (404); a function id that is not a UUID to validation (400).
 */
function itemWriter(table: 'action' | 'milestone'): Policy {
  return {
    name: `${table}Writer`,
    anonymous: false,
    async allows(who, req, queries) {
      if (!who || (who.role !== 'lead' && who.role !== 'owner')) return false;
      if (who.role === 'lead') return true;
      const current = await functionOf(queries, table, req.params['id']);
      if (current !== undefined && !canWriteItemsOf(who, current)) return false;
      const target = bodyFunction(req);
      return typeof target !== 'string' || !UUID.test(target) || canWriteItemsOf(who, target);
    },
  };
}

/**
 * Restoring a deleted item: the project lead, or the owner of its function as the Corbeille keeps
 * it (of the live item's, when it is not deleted: the route then answers 404). Not in the
 * Corbeille at all: left to the route (404).
 */
function itemRestorer(table: 'action' | 'milestone'): Policy {
  return {
    name: `${table}Restorer`,
    anonymous: false,
    async allows(who, req, queries) {
      if (!who || (who.role !== 'lead' && who.role !== 'owner')) return false;
      if (who.role === 'lead') return true;
      const id = req.params['id'];
      if (typeof id !== 'string' || !UUID.test(id)) return true; // the route's own check answers 400
      const fn = (await queries.functionOfDeletedItem(table, id)) ?? (await functionOf(queries, table, id));
      return fn === undefined || canWriteItemsOf(who, fn);
    },
  };
}

/**
 * The function whose indicators a request writes: the one named in the path (`:functionId`, when
 * creating), else the function of the indicator or measurement `:id` names — each route says which
 * table in its policy. Undefined for a malformed id (validation answers 400) or an unknown one (404).
 */
async function indicatorFunction(req: Request, queries: AuthQueries, table: 'indicator' | 'measurement'): Promise<string | undefined> {
  const { functionId, id } = req.params as Record<string, unknown>;
  if (functionId !== undefined) return typeof functionId === 'string' && UUID.test(functionId) ? functionId : undefined;
  if (typeof id !== 'string' || !UUID.test(id)) return undefined;
  return queries.functionOfIndicator(table, id);
}

/** Writing a function's indicators (`table` 'indicator') or measurements: the project lead, or the owner of that function. */
function indicatorWriter(table: 'indicator' | 'measurement'): Policy {
  return {
    name: `${table}Writer`,
    anonymous: false,
    async allows(who, req, queries) {
      if (!who || (who.role !== 'lead' && who.role !== 'owner')) return false;
      if (who.role === 'lead') return true;
      const fn = await indicatorFunction(req, queries, table);
      return fn === undefined || canWriteItemsOf(who, fn);
    },
  };
}

/** Deleting a proof link: the project lead, or the owner of its item's function (a decision's link: the lead only); an unknown link is left to the route (404). */
const evidenceWriter: Policy = {
  name: 'evidenceWriter',
  anonymous: false,
  async allows(who, req, queries) {
    if (!who || (who.role !== 'lead' && who.role !== 'owner')) return false;
    if (who.role === 'lead') return true;
    const id = req.params['id'];
    if (typeof id !== 'string' || !UUID.test(id)) return true; // the route's own check answers 400
    const fn = await queries.functionOfEvidence(id);
    if (fn === null) return false; // a decision's link
    return fn === undefined || canWriteItemsOf(who, fn);
  },
};

export const Access = {
  /** anyone, signed in or not: sign-in, password reset, health, the public pages */
  public: { name: 'public', anonymous: true, allows: () => true } satisfies Policy,
  /** every active account: reading roadmaps, items, history, exports */
  signedIn: { name: 'signedIn', anonymous: false, allows: (who) => canRead(who) } satisfies Policy,
  /** roadmap settings */
  lead: { name: 'lead', anonymous: false, allows: (who) => canManageRoadmap(who) } satisfies Policy,
  /** accounts */
  admin: { name: 'admin', anonymous: false, allows: (who) => canManageAccounts(who) } satisfies Policy,
  /** creating an item in the function named by the body */
  itemCreator: {
    name: 'itemCreator',
    anonymous: false,
    allows(who, req) {
      if (!who || (who.role !== 'lead' && who.role !== 'owner')) return false;
      const target = bodyFunction(req);
      // a missing or malformed functionId: the lead gets the validation message, an owner is refused
      return who.role === 'lead' || (typeof target === 'string' && canWriteItemsOf(who, target));
    },
  } satisfies Policy,
  actionWriter: itemWriter('action'),
  milestoneWriter: itemWriter('milestone'),
  /** the project lead and the function owners: who writes items somewhere (the Corbeille's list) */
  author: { name: 'author', anonymous: false, allows: (who) => who?.role === 'lead' || who?.role === 'owner' } satisfies Policy,
  actionRestorer: itemRestorer('action'),
  milestoneRestorer: itemRestorer('milestone'),
  indicatorWriter: indicatorWriter('indicator'),
  /** a measurement, by its id: the project lead, or the owner of its indicator's function */
  measurementWriter: indicatorWriter('measurement'),
  evidenceWriter,
} as const;
