import type { PhaseView, RoadmapDetailView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { daysBetween, formatFrDate, spanDays, toDayNumber } from '@jalons/domain';

import { formatList } from '../i18n/format';
import { Translate, french } from '../i18n/i18n';

/**
 * Geometry of the mandate timeline, in percent of the roadmap's span (calendar days, both ends
 * included). A date is placed at the start of its day: the roadmap's first day at 0 %, the day
 * after its last day at 100 %.
 */

export type LabelAlign = 'start' | 'center' | 'end';
export type MarkerKind = 'election' | 'today';

export interface TimelineBand {
  id: string;
  order: number;
  name: string;
  start: IsoDate;
  end: IsoDate;
  /** percent of the span before the phase */
  left: number;
  /** percent of the span the phase covers, proportional to its number of days */
  width: number;
  current: boolean;
}

export interface TimelineLine {
  kind: MarkerKind;
  position: number;
}

export interface TimelineLabel {
  kind: MarkerKind;
  text: string;
  position: number;
  align: LabelAlign;
}

export interface TimelineTick {
  year: number;
  position: number;
  /** near the right edge the year is written left of its tick, to stay inside the frame */
  align: 'start' | 'end';
}

export interface Timeline {
  bands: TimelineBand[];
  /** vertical marker lines (elections, today) */
  lines: TimelineLine[];
  /** election labels, above the bands */
  elections: TimelineLabel[];
  /** today's label, below the bands; null when today is outside the span */
  today: TimelineLabel | null;
  /** 1 January of each year inside the span */
  ticks: TimelineTick[];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function alignAt(position: number): LabelAlign {
  if (position < 25) return 'start';
  if (position > 75) return 'end';
  return 'center';
}

/** « 15/03/2026, 22/03/2026 et 11/03/2029 » (in English « … and … »). */
function dateList(dates: IsoDate[], t: Translate): string {
  return formatList(dates.map(formatFrDate), t.lang);
}

/** What the timeline needs of a roadmap: the internal views and the public page both have it. */
export type TimelineRoadmap = Pick<RoadmapDetailView, 'start' | 'end' | 'at' | 'electionDates' | 'nextElectionDate' | 'currentPhaseId'> & {
  phases: readonly Pick<PhaseView, 'id' | 'order' | 'name' | 'start' | 'end'>[];
};

/** The timeline of `roadmap`, its labels in the language of `t`. */
export function buildTimeline(roadmap: TimelineRoadmap, t: Translate = french): Timeline {
  const at = positionOn(roadmap);
  const { lines, elections } = electionMarks(roadmap, at, t);
  const today = todayLabel(roadmap, at, t);
  if (today) lines.push({ kind: 'today', position: today.position });
  return { bands: timelineBands(roadmap), lines, elections, today, ticks: yearTicks(roadmap, at) };
}

/** Days of the span, both ends included (at least 1). */
function totalDays(roadmap: TimelineRoadmap): number {
  return Math.max(1, spanDays(roadmap.start, roadmap.end));
}

/** Position of the start of day d, or null when d is outside [start, end + 1 day]. */
type Position = (d: IsoDate) => number | null;

function positionOn(roadmap: TimelineRoadmap): Position {
  const total = totalDays(roadmap);
  const first = toDayNumber(roadmap.start);
  const last = toDayNumber(roadmap.end);
  return (d) => {
    const day = toDayNumber(d);
    if (day < first || day > last + 1) return null;
    return round((daysBetween(roadmap.start, d) / total) * 100);
  };
}

/** The phases in order, each as wide as its number of days. */
function timelineBands(roadmap: TimelineRoadmap): TimelineBand[] {
  const total = totalDays(roadmap);
  return [...roadmap.phases]
    .sort((a, b) => a.order - b.order)
    .map((p) => ({
      id: p.id,
      order: p.order,
      name: p.name,
      start: p.start,
      end: p.end,
      left: round((daysBetween(roadmap.start, p.start) / total) * 100),
      width: round((Math.max(0, spanDays(p.start, p.end)) / total) * 100),
      current: p.id === roadmap.currentPhaseId,
    }));
}

/**
 * A line per election on the span and one label for them all (at the first one), then the next
 * election, with its own line and label, when it is on the span and not one of them.
 */
function electionMarks(roadmap: TimelineRoadmap, at: Position, t: Translate): { lines: TimelineLine[]; elections: TimelineLabel[] } {
  const lines: TimelineLine[] = [];
  const elections: TimelineLabel[] = [];

  const electionDates = [...new Set(roadmap.electionDates)].filter((d) => at(d) !== null).sort();
  for (const d of electionDates) {
    lines.push({ kind: 'election', position: at(d) as number });
  }
  if (electionDates.length > 0) {
    const position = at(electionDates[0]) as number;
    elections.push({
      kind: 'election',
      text: t('Élection : {dates}|Élections : {dates}', {
        n: electionDates.length,
        dates: dateList(electionDates, t),
      }),
      position,
      align: alignAt(position),
    });
  }
  const next = roadmap.nextElectionDate;
  const nextAt = at(next);
  if (nextAt !== null && !electionDates.includes(next)) {
    lines.push({ kind: 'election', position: nextAt });
    elections.push({
      kind: 'election',
      text: t('Prochaine élection : {date}', { date: formatFrDate(next) }),
      position: nextAt,
      align: alignAt(nextAt),
    });
  }
  return { lines, elections };
}

/** Today's label, or null when the roadmap's day is outside the span (the day after its end too). */
function todayLabel(roadmap: TimelineRoadmap, at: Position, t: Translate): TimelineLabel | null {
  const todayAt = toDayNumber(roadmap.at) <= toDayNumber(roadmap.end) ? at(roadmap.at) : null;
  if (todayAt === null) return null;
  return {
    kind: 'today',
    text: t('Aujourd’hui : {date}', { date: formatFrDate(roadmap.at) }),
    position: todayAt,
    align: alignAt(todayAt),
  };
}

/** A tick on 1 January of each year after the first one of the span. */
function yearTicks(roadmap: TimelineRoadmap, at: Position): TimelineTick[] {
  const ticks: TimelineTick[] = [];
  const startYear = Number(roadmap.start.slice(0, 4));
  const endYear = Number(roadmap.end.slice(0, 4));
  for (let year = startYear + 1; year <= endYear; year++) {
    const position = at(`${String(year).padStart(4, '0')}-01-01`);
    if (position !== null) ticks.push({ year, position, align: position > 95 ? 'end' : 'start' });
  }
  return ticks;
}
