import type { ActorPositionView, AssessmentView } from '@jalons/contract';
import type { ActorGroup, ActorKind } from '@jalons/domain';
import { SCORE_MAX, SCORE_MIN } from '@jalons/domain';

/*
 * The maturity × ambition map's geometry, in the SVG's own units (its viewBox; the SVG scales to its
 * container). Pure: no Angular, no DOM — tested in map-geometry.spec.ts. ADR 0016.
 */

/** one score's cell, a square */
export const CELL = 96;
/** room for the ticks and the axes' titles */
export const MARGIN = { left: 64, right: 12, top: 12, bottom: 60 } as const;
const CELLS = SCORE_MAX - SCORE_MIN + 1;
export const PLOT = CELLS * CELL;
export const VIEW_WIDTH = MARGIN.left + PLOT + MARGIN.right;
export const VIEW_HEIGHT = MARGIN.top + PLOT + MARGIN.bottom;
/** a point's radius (its shape fits in a circle this wide) */
export const POINT_RADIUS = 11;
/** the gap kept between points sharing a cell, beyond their radii */
const GAP = 6;
/** the start of an arrow: a small ring where the actor was first placed */
export const START_RADIUS = 4;

export interface Xy {
  x: number;
  y: number;
}

/** The centre of a score's cell: maturity left to right, ambition bottom to top. */
export function cellCentre(maturity: number, ambition: number): Xy {
  return {
    x: MARGIN.left + (maturity - SCORE_MIN + 0.5) * CELL,
    y: MARGIN.top + (SCORE_MAX - ambition + 0.5) * CELL,
  };
}

/** the ticks' positions along each axis */
export const TICKS: readonly { score: number; x: number; y: number }[] = Array.from({ length: CELLS }, (_, i) => {
  const score = SCORE_MIN + i;
  const c = cellCentre(score, score);
  return { score, x: c.x, y: c.y };
});

export interface Zone {
  group: ActorGroup;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The three groups' zones from the thresholds (the domain's GROUP_THRESHOLDS, as the API sends them):
 * leaders = mature and ambitious (top right), median = ambitious not yet mature (top left),
 * peu-impliques = not ambitious (the bottom band).
 */
export function zones(thresholds: { matureFrom: number; ambitiousFrom: number }): Zone[] {
  const left = MARGIN.left;
  const top = MARGIN.top;
  const matureX = left + (thresholds.matureFrom - SCORE_MIN) * CELL;
  const ambitiousY = top + (SCORE_MAX - thresholds.ambitiousFrom + 1) * CELL;
  const list: Zone[] = [
    { group: 'median', x: left, y: top, width: matureX - left, height: ambitiousY - top },
    { group: 'leaders', x: matureX, y: top, width: left + PLOT - matureX, height: ambitiousY - top },
    { group: 'peu-impliques', x: left, y: ambitiousY, width: PLOT, height: top + PLOT - ambitiousY },
  ];
  return list.filter((z) => z.width > 0 && z.height > 0);
}

/**
 * Where the n points sharing one cell go, as offsets from its centre: a small grid (as square as it can be),
 * the points a diameter and a gap apart, closer only when there are too many for the cell.
 */
export function spreadOffsets(n: number, radius = POINT_RADIUS): Xy[] {
  if (n <= 1) return n === 1 ? [{ x: 0, y: 0 }] : [];
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const room = CELL - 2 * radius - 4;
  const step = Math.min(2 * radius + GAP, room / (Math.max(cols, rows) - 1));
  return Array.from({ length: n }, (_, i) => {
    const row = Math.floor(i / cols);
    const inRow = row === rows - 1 ? n - row * cols : cols;
    const col = i % cols;
    return { x: (col - (inRow - 1) / 2) * step, y: (row - (rows - 1) / 2) * step };
  });
}

/** Something placed in a cell: an actor's point, or the ring where a moved actor started. */
interface Token {
  key: string;
  maturity: number;
  ambition: number;
}

/**
 * Positions for tokens placed in cells: all the tokens of a cell — points and arrows' starts alike — take distinct
 * slots around its centre (in the order given), so that no start hides under a point and no point under another.
 */
function place(tokens: readonly Token[]): Map<string, Xy> {
  const byCell = new Map<string, Token[]>();
  for (const token of tokens) {
    const cell = `${token.maturity}/${token.ambition}`;
    byCell.set(cell, [...(byCell.get(cell) ?? []), token]);
  }
  const placed = new Map<string, Xy>();
  for (const group of byCell.values()) {
    const offsets = spreadOffsets(group.length);
    group.forEach((token, i) => {
      const c = cellCentre(token.maturity, token.ambition);
      placed.set(token.key, { x: c.x + offsets[i].x, y: c.y + offsets[i].y });
    });
  }
  return placed;
}

/** An actor assessed on the day: its point, and where its arrow starts when it moved. */
export interface MapPoint {
  actor: ActorPositionView;
  first: AssessmentView;
  current: AssessmentView;
  group: ActorGroup;
  kind: ActorKind;
  x: number;
  y: number;
  /** where the actor was first placed and the arrow to its point, when it moved */
  arrow: Arrow | null;
}

export interface Arrow {
  from: Xy;
  /** the curve's control point: arrows bend a little, so that one along a row or a column passes beside the points on it */
  control: Xy;
  /** where the line stops, at the head's base */
  to: Xy;
  /** the arrow's head, a triangle's three corners; its tip stops at the point's edge */
  head: [Xy, Xy, Xy];
}

const unit = (a: Xy, b: Xy): Xy => {
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  return { x: (b.x - a.x) / length, y: (b.y - a.y) / length };
};

/** The curve from `from` towards `target`, bent to its left, stopped `gap` short of it, with its head. */
export function arrowBetween(from: Xy, target: Xy, gap = POINT_RADIUS + 2, headLength = 9, headWidth = 5): Arrow | null {
  const length = Math.hypot(target.x - from.x, target.y - from.y);
  if (length <= gap + START_RADIUS + headLength) return null;
  const u = unit(from, target);
  const bend = Math.min(length * 0.2, 24);
  const control = { x: (from.x + target.x) / 2 + u.y * bend, y: (from.y + target.y) / 2 - u.x * bend };
  // the head follows the curve's last direction, the line's first leaves the start's ring
  const end = unit(control, target);
  const tip = { x: target.x - end.x * gap, y: target.y - end.y * gap };
  const base = { x: tip.x - end.x * headLength, y: tip.y - end.y * headLength };
  const out = unit(from, control);
  return {
    from: { x: from.x + out.x * START_RADIUS, y: from.y + out.y * START_RADIUS },
    control,
    to: base,
    head: [
      tip,
      { x: base.x - end.y * headWidth, y: base.y + end.x * headWidth },
      { x: base.x + end.y * headWidth, y: base.y - end.x * headWidth },
    ],
  };
}

/**
 * The map's points: one per actor assessed on the day (in the order given), spread within shared cells; the
 * moved ones (the API's `moved`) get an arrow from their first position, whose ring takes a slot of its own.
 */
export function mapPoints(actors: readonly ActorPositionView[], groupOf: (m: number, a: number) => ActorGroup): MapPoint[] {
  const assessed = actors.filter(
    (a): a is ActorPositionView & { first: AssessmentView; current: AssessmentView } => a.current !== null && a.first !== null,
  );
  const tokens: Token[] = [
    ...assessed.map((a) => ({ key: `point:${a.id}`, maturity: a.current.maturity, ambition: a.current.ambition })),
    ...assessed.filter((a) => a.moved).map((a) => ({ key: `start:${a.id}`, maturity: a.first.maturity, ambition: a.first.ambition })),
  ];
  const placed = place(tokens);
  return assessed.map((a) => {
    const at = placed.get(`point:${a.id}`) as Xy;
    const start = placed.get(`start:${a.id}`);
    return {
      actor: a,
      first: a.first,
      current: a.current,
      group: a.group ?? groupOf(a.current.maturity, a.current.ambition),
      kind: a.kind,
      x: at.x,
      y: at.y,
      arrow: start ? arrowBetween(start, at) : null,
    };
  });
}

/** The SVG path of a kind's shape around (0, 0): circle, square, triangle, diamond — kind is never told by colour alone. */
export function shapePath(kind: ActorKind, r = POINT_RADIUS): string {
  const f = (n: number) => Math.round(n * 100) / 100;
  switch (kind) {
    case 'direction':
      return `M ${f(-r)} 0 A ${f(r)} ${f(r)} 0 1 0 ${f(r)} 0 A ${f(r)} ${f(r)} 0 1 0 ${f(-r)} 0 Z`;
    case 'operateur': {
      const s = r * 0.85;
      return `M ${f(-s)} ${f(-s)} H ${f(s)} V ${f(s)} H ${f(-s)} Z`;
    }
    case 'partenaire':
      return `M 0 ${f(-r)} L ${f(r * 0.95)} ${f(r * 0.7)} H ${f(-r * 0.95)} Z`;
    case 'expert':
      return `M 0 ${f(-r)} L ${f(r)} 0 L 0 ${f(r)} L ${f(-r)} 0 Z`;
  }
}
