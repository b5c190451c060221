import { checkElectionDates, defaultPhaseSpans, nextElectionOf, PHASE_CODES, ROADMAP_TEXT_MAX } from '@jalons/domain';
import type { IsoDate, PhaseCode, RuleViolation } from '@jalons/domain';

import { placeKit } from './instantiate';
import type { RoadmapPlan } from './instantiate';
import type { KitFile, RoadmapFile } from './seed-files';

/** The longest slug the roadmap table keeps. */
const SLUG_MAX = ROADMAP_TEXT_MAX.slug;

/** A new roadmap as a person asks for it (the CLI's options, POST /api/roadmaps's body): the rest has defaults. */
export interface NewRoadmapRequest {
  territory: string;
  firstRound: IsoDate;
  secondRound?: IsoDate | null;
  /** default: six years after the first round */
  nextElection?: IsoDate | null;
  /** default: from the territory and the mandate's years */
  slug?: string | null;
  /** default: « Mandat 2026–2032 » */
  mandateLabel?: string | null;
}

/** Either the election dates break a rule (each on its field), or the plan with the kit items that would not fit. */
export type NewRoadmapPlan = { violations: RuleViolation[] } | { violations: []; plan: RoadmapPlan; problems: string[] };

export function slugify(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** « ville-de-quimper-2026-2032 »: the territory shortened as needed, so that the years always fit. */
export function roadmapSlug(territory: string, firstYear: string, lastYear: string): string {
  const years = `${firstYear}-${lastYear}`;
  const head = slugify(territory)
    .slice(0, SLUG_MAX - years.length - 1)
    .replace(/-+$/, '');
  return head ? `${head}-${years}` : years;
}

/** The kit's planned months of the first three phases. */
function kitMonths(kit: KitFile): { pre: number; post: number; emergence: number } {
  const months = (code: PhaseCode) => kit.phases.find((p) => p.code === code)?.defaultMonths ?? 0;
  return { pre: months('pre-electorale'), post: months('post-electorale'), emergence: months('emergence') };
}

/**
 * A roadmap file for another territory and mandate, from the kit's default phase lengths:
 * pre-electoral months before the election (its second round when there is one), then
 * post-electoral, emergence, and maturation until the next election. Nobody assigned, nothing
 * started. The dates must pass `checkElectionDates` (a `RangeError` otherwise).
 */
export function roadmapFileFor(kit: KitFile, request: NewRoadmapRequest): RoadmapFile {
  const next = nextElectionOf(request);
  const spans = defaultPhaseSpans({
    electionDate: request.firstRound,
    secondRoundDate: request.secondRound ?? undefined,
    nextElectionDate: next,
    months: kitMonths(kit),
  });
  const y1 = request.firstRound.slice(0, 4);
  const y2 = next.slice(0, 4);
  const phases = {} as RoadmapFile['phases'];
  for (const code of PHASE_CODES) phases[code] = spans[code];
  return {
    slug: request.slug || roadmapSlug(request.territory, y1, y2),
    kit: kit.code,
    territory: request.territory,
    mandateLabel: request.mandateLabel || `Mandat ${y1}–${y2}`,
    electionDates: request.secondRound ? [request.firstRound, request.secondRound] : [request.firstRound],
    nextElectionDate: next,
    phases,
    persons: [],
    items: {},
  };
}

/** The CLI's former signature: one round. */
export function newRoadmapFile(kit: KitFile, territory: string, electionDate: IsoDate, nextElectionDate?: IsoDate): RoadmapFile {
  return roadmapFileFor(kit, { territory, firstRound: electionDate, nextElection: nextElectionDate });
}

/**
 * What a new roadmap would be, computed without the database — shared by `npm run roadmap:new`
 * and POST /api/roadmaps(/preview): the election dates checked, the kit placed on the calendar.
 */
export function planNewRoadmap(kit: KitFile, request: NewRoadmapRequest): NewRoadmapPlan {
  const violations = checkElectionDates(request, kitMonths(kit));
  if (violations.length) return { violations };
  const { plan, problems } = placeKit(kit, roadmapFileFor(kit, request));
  return { violations: [], plan, problems };
}
