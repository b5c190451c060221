import type { ActorPositionView, AssessmentView } from '@jalons/contract';
import { groupOf } from '@jalons/domain';

import { CELL, MARGIN, PLOT, POINT_RADIUS, arrowBetween, cellCentre, mapPoints, shapePath, spreadOffsets, zones } from './map-geometry';

function assessment(maturity: number, ambition: number, on = '2025-10-15'): AssessmentView {
  return { id: `as-${maturity}-${ambition}-${on}`, actorId: 'x', on, maturity, ambition, axes: {}, assessedBy: 'Équipe', comment: null };
}

function actor(id: string, first: [number, number] | null, current: [number, number] | null = first): ActorPositionView {
  const f = first ? assessment(...first) : null;
  const c = current ? assessment(current[0], current[1], '2026-03-01') : null;
  const moved = !!f && !!c && (f.maturity !== c.maturity || f.ambition !== c.ambition);
  return { id, name: id, kind: 'direction', group: null, first: f, current: c ?? null, moved };
}

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('the map’s geometry', () => {
  it('places maturity left to right and ambition bottom to top, one cell per score', () => {
    expect(cellCentre(1, 1)).toEqual({ x: MARGIN.left + CELL / 2, y: MARGIN.top + PLOT - CELL / 2 });
    expect(cellCentre(5, 5)).toEqual({ x: MARGIN.left + PLOT - CELL / 2, y: MARGIN.top + CELL / 2 });
    expect(cellCentre(4, 2).x - cellCentre(3, 2).x).toBe(CELL);
    expect(cellCentre(3, 4).y).toBeLessThan(cellCentre(3, 3).y);
  });

  it('draws the groups’ zones from the thresholds: leaders top right, median top left, the little-involved below', () => {
    const z = Object.fromEntries(zones({ matureFrom: 3, ambitiousFrom: 3 }).map((zone) => [zone.group, zone]));
    // leaders hold the cells maturity 3–5 × ambition 3–5
    expect(z['leaders']).toEqual({ group: 'leaders', x: MARGIN.left + 2 * CELL, y: MARGIN.top, width: 3 * CELL, height: 3 * CELL });
    expect(z['median']).toEqual({ group: 'median', x: MARGIN.left, y: MARGIN.top, width: 2 * CELL, height: 3 * CELL });
    expect(z['peu-impliques']).toEqual({ group: 'peu-impliques', x: MARGIN.left, y: MARGIN.top + 3 * CELL, width: PLOT, height: 2 * CELL });
    // other thresholds move the lines
    const z4 = Object.fromEntries(zones({ matureFrom: 4, ambitiousFrom: 2 }).map((zone) => [zone.group, zone]));
    expect(z4['leaders'].width).toBe(2 * CELL);
    expect(z4['peu-impliques'].height).toBe(CELL);
  });

  it('spreads the points sharing a cell so that none covers another, all inside the cell', () => {
    for (const n of [2, 3, 4, 5, 9, 16]) {
      const offsets = spreadOffsets(n);
      expect(offsets).toHaveLength(n);
      for (let i = 0; i < n; i++) {
        expect(Math.abs(offsets[i].x) + POINT_RADIUS).toBeLessThanOrEqual(CELL / 2);
        expect(Math.abs(offsets[i].y) + POINT_RADIUS).toBeLessThanOrEqual(CELL / 2);
        for (let j = i + 1; j < n; j++) expect(dist(offsets[i], offsets[j])).toBeGreaterThanOrEqual(2 * POINT_RADIUS);
      }
    }
    expect(spreadOffsets(1)).toEqual([{ x: 0, y: 0 }]);
  });

  it('gives one point per actor assessed on the day, none to an actor not yet assessed, spread when they share a cell', () => {
    const points = mapPoints([actor('A', [4, 5]), actor('B', [4, 5]), actor('C', null), actor('D', [1, 1])], groupOf);
    expect(points.map((p) => p.actor.id)).toEqual(['A', 'B', 'D']);
    const [a, b, d] = points;
    expect(dist(a, b)).toBeGreaterThanOrEqual(2 * POINT_RADIUS);
    expect(dist(a, cellCentre(4, 5))).toBeLessThan(CELL / 2);
    expect(d).toMatchObject(cellCentre(1, 1));
    expect(points.map((p) => p.group)).toEqual(['leaders', 'leaders', 'peu-impliques']);
  });

  it('takes the group the API gives (an override) over the one the scores give', () => {
    const overridden = { ...actor('A', [2, 2]), group: 'leaders' as const };
    expect(mapPoints([overridden], groupOf)[0].group).toBe('leaders');
  });

  it('draws an arrow only for the actors that moved, from their first cell to their point’s edge', () => {
    const points = mapPoints([actor('moved', [3, 4], [4, 5]), actor('still', [2, 2])], groupOf);
    expect(points[1].arrow).toBeNull();
    const arrow = points[0].arrow;
    if (!arrow) throw new Error('no arrow');
    expect(dist(arrow.from, cellCentre(3, 4))).toBeLessThan(CELL / 2);
    const tip = arrow.head[0];
    expect(dist(tip, points[0])).toBeCloseTo(POINT_RADIUS + 2, 5);
    // the head points at the actor: its tip is nearer than the line's end
    expect(dist(tip, points[0])).toBeLessThan(dist(arrow.to, points[0]));
  });

  it('gives the starts of arrows slots of their own beside the points of their cell', () => {
    // B moved from A's cell: its ring takes the second slot, not A's
    const points = mapPoints([actor('A', [2, 3]), actor('B', [2, 3], [2, 4])], groupOf);
    const ring = points[1].arrow;
    if (!ring) throw new Error('no arrow');
    expect(dist(ring.from, points[0])).toBeGreaterThan(POINT_RADIUS);
  });

  it('bends an arrow along a row, so that it passes beside the points between its ends', () => {
    const arrow = arrowBetween(cellCentre(3, 5), cellCentre(5, 5));
    if (!arrow) throw new Error('no arrow');
    expect(Math.abs(arrow.control.y - cellCentre(4, 5).y)).toBeGreaterThan(POINT_RADIUS);
  });

  it('draws no arrow between points too close to hold one', () => {
    expect(arrowBetween({ x: 0, y: 0 }, { x: 10, y: 0 })).toBeNull();
    expect(arrowBetween({ x: 0, y: 0 }, { x: 96, y: 0 })).not.toBeNull();
  });

  it('gives each kind its own shape', () => {
    const shapes = new Set((['direction', 'operateur', 'partenaire', 'expert'] as const).map((k) => shapePath(k)));
    expect(shapes.size).toBe(4);
  });
});
