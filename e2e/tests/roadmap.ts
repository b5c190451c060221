import { expect } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { Client } from 'pg';
import type { ChronogramView, ChronogramWire, RoadmapSummaryView } from '@jalons/contract';

// the domain's pure helpers by path: the suite has no tsconfig of its own, so '@jalons/…' resolves for types only
import { dependenciesAmong, rowsOf } from '../../libs/shared/domain/src/lib/wire-table';

/**
 * The seeded roadmap the suite works on, found by its slug (other files create roadmaps of their own:
 * « the first one listed » is not a promise), and the days the specs compute from it.
 */
export const BREST = 'brest-2026-2032';

/** The part of the chronogram the specs read. */
export interface Chronogram {
  roadmap: { id: string; slug: string; at: string; start: string; end: string };
  functions: Array<{ id: string; code: string; name: string; central: boolean }>;
  actions: Array<{ id: string; functionId: string; title: string; status: string; start: string; due: string }>;
}

/** `day` (YYYY-MM-DD) moved by `n` days. */
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The days from `a` to `b`. */
export const days = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

export async function brest(request: APIRequestContext): Promise<RoadmapSummaryView> {
  const list = (await (await request.get('/api/roadmaps')).json()) as RoadmapSummaryView[];
  const found = list.find((r) => r.slug === BREST);
  if (!found) throw new Error(`no roadmap ${BREST} in ${list.map((r) => r.slug).join(', ')}`);
  return found;
}

export async function brestChronogram(request: APIRequestContext): Promise<Chronogram> {
  const { id } = await brest(request);
  return readChronogram(request, id);
}

/**
 * GET /api/roadmaps/:id/chronogram[query] read back into the view, as the web app's ChronogramService does: the
 * wire's bars and milestones are tables grouped by function and phase, its arrows the bars' predecessors (ADR 0034).
 */
export async function readChronogram(request: APIRequestContext, roadmapId: string, query = ''): Promise<ChronogramView> {
  const res = await request.get(`/api/roadmaps/${roadmapId}/chronogram${query}`);
  expect(res.ok()).toBe(true);
  const { actions, milestones, ...rest } = (await res.json()) as ChronogramWire;
  const bars = rowsOf(actions);
  return { ...rest, actions: bars, milestones: rowsOf(milestones), dependencies: dependenciesAmong(bars) };
}

/**
 * A day of the roadmap near its reference day (the chart opens on it), `n` days on: the reference day
 * while at least `room` days of the roadmap remain after it, else the roadmap's first day.
 */
export function dayOf(c: Chronogram, n: number, room = 60): string {
  const base = c.roadmap.at >= c.roadmap.start && c.roadmap.at <= addDays(c.roadmap.end, -room) ? c.roadmap.at : c.roadmap.start;
  return addDays(base, n);
}

/** A function other than the central one (the first listed if there is none): where a spec creates its items. */
export const ordinaryFunction = (c: Chronogram) => c.functions.find((f) => !f.central) ?? c.functions[0];

/** Today in Europe/Paris, the day the API calls « today ». */
export const parisToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/**
 * A roadmap of a spec's own (so it never depends on what other files did to Brest): found by its slug, else created
 * through the API as the lead's « Nouvelle feuille de route » does.
 */
export async function ownRoadmap(
  request: APIRequestContext,
  slug: string,
  territory: string,
  rounds: { firstRound: string; nextElection: string } = { firstRound: '2026-03-15', nextElection: '2032-03-14' },
): Promise<RoadmapSummaryView> {
  const list = (await (await request.get('/api/roadmaps')).json()) as RoadmapSummaryView[];
  const found = list.find((r) => r.slug === slug);
  if (found) return found;
  const res = await request.post('/api/roadmaps', { data: { territory, ...rounds, slug } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as RoadmapSummaryView;
}

/** Deletes a spec's own roadmaps (and, by cascade, everything in them) straight in the database, after the spec. */
export async function dropRoadmaps(...slugs: string[]): Promise<void> {
  const db = new Client({ connectionString: process.env['E2E_DATABASE_URL'] });
  await db.connect();
  try {
    await db.query('delete from roadmap where slug = any($1)', [slugs]);
  } finally {
    await db.end();
  }
}
