import { spanDays } from '@jalons/domain';

import {
  chartRange,
  diamondPoints,
  electionDays,
  FRAPPE_SIZES,
  ganttLayout,
  periodTicks,
  phaseBands,
  PX_PER_DAY,
  widthOfSpan,
  xOfDay,
  xOfDayMiddle,
} from './gantt-layout';
import { aChronogram, gPhases } from './testing/chronogram';

describe('ganttLayout: the rows of the list follow frappe-gantt\u2019s rows', () => {
  const layout = ganttLayout(FRAPPE_SIZES);

  it('derives the header and row heights from the options given to frappe', () => {
    // frappe 1.2: header_height = upper + lower + 10; a row = bar_height + padding
    expect(layout.headerHeight).toBe(64 + 30 + 10);
    expect(layout.rowHeight).toBe(24 + 16);
    expect(
      ganttLayout({
        bar_height: 30,
        padding: 18,
        upper_header_height: 45,
        lower_header_height: 30,
      }),
    ).toMatchObject({
      headerHeight: 85,
      rowHeight: 48,
    });
  });

  it('puts the bar of row i in the middle of row i (frappe: header + padding/2 + i × row)', () => {
    for (const i of [0, 1, 7, 999]) {
      const rowTop = layout.rowTop(i);
      const rowBottom = layout.rowTop(i + 1);
      expect(rowTop).toBe(104 + 40 * i);
      expect(layout.barTop(i)).toBe(104 + 8 + 40 * i);
      expect(layout.barTop(i) - rowTop).toBe(rowBottom - (layout.barTop(i) + layout.barHeight));
      expect(layout.barMiddle(i)).toBe((rowTop + rowBottom) / 2);
    }
  });

  it('gives the grid frappe\u2019s height for n rows', () => {
    expect(layout.gridHeight(9)).toBe(104 + 16 + 40 * 9 - 10);
    expect(layout.gridHeight(9)).toBeGreaterThanOrEqual(layout.rowTop(9));
  });
});

describe('chartRange', () => {
  const view = aChronogram();

  it('covers the roadmap and its items with a margin, widened to whole periods', () => {
    // roadmap from 01/09/2025 to 31/03/2028
    expect(chartRange(view, 'month')).toEqual({
      start: '2025-08-01',
      end: '2028-04-30',
    });
    expect(chartRange(view, 'quarter')).toEqual({
      start: '2025-07-01',
      end: '2028-06-30',
    });
    expect(chartRange(view, 'year')).toEqual({
      start: '2025-01-01',
      end: '2028-12-31',
    });
  });

  it('is not stretched to a past mandate’s election', () => {
    const withPast = aChronogram();
    withPast.roadmap = {
      ...withPast.roadmap,
      electionDates: ['2020-03-15', '2026-03-15'],
    };
    expect(chartRange(withPast, 'quarter').start).toBe('2025-07-01');
  });

  it('stretches to an item planned outside the roadmap', () => {
    const early = aChronogram();
    early.actions[0] = { ...early.actions[0], start: '2024-11-15' };
    expect(chartRange(early, 'quarter').start).toBe('2024-10-01'); // 15/11/2024 − 45 days, quarter start
  });
});

describe('x of a day', () => {
  const range = { start: '2026-01-01', end: '2026-12-31' };

  it('is linear in days, with exact binary widths (no 29.999… day)', () => {
    expect(xOfDay('2026-01-01', range, 'month')).toBe(0);
    expect(xOfDay('2026-03-30', range, 'month')).toBe(88 * 4); // across the spring change: no hour lost
    expect(xOfDay('2026-10-26', range, 'quarter')).toBe(298 * 1.5);
    expect(xOfDay('2026-10-26', range, 'year')).toBe(298 * 0.5);
    for (const mode of ['month', 'quarter', 'year'] as const) {
      for (let d = 0; d < 3_000; d += 37) expect((d * PX_PER_DAY[mode]) / PX_PER_DAY[mode]).toBe(d);
    }
  });

  it('marks one-day events in the middle of their day', () => {
    expect(xOfDayMiddle('2026-01-02', range, 'month')).toBe(6);
  });

  it('measures spans both ends included', () => {
    expect(widthOfSpan('2026-03-20', '2026-03-29', 'month')).toBe(40);
  });
});

describe('phaseBands', () => {
  it('draws each phase from its first to its last day, in proportion to its days', () => {
    const range = { start: '2025-07-01', end: '2032-06-30' };
    const bands = phaseBands(gPhases(), range, 'quarter');
    expect(bands.map((b) => b.label)).toEqual([
      'Incubation pré-électorale',
      'Incubation post-électorale',
      'Phase d’émergence',
      'Phase de maturation',
    ]);
    expect(bands[0].x).toBe(62 * 1.5); // 01/07 → 01/09/2025
    gPhases().forEach((phase, i) => {
      expect(bands[i].width).toBe(spanDays(phase.start, phase.end) * 1.5);
      if (i > 0) expect(bands[i].x).toBe(bands[i - 1].x + bands[i - 1].width); // contiguous
    });
    expect(bands.map((b) => b.width / 1.5)).toEqual([196, 199, 273, 275]);
  });
});

describe('electionDays', () => {
  it('lists the elections inside the range (past and next), once each, in order', () => {
    const view = aChronogram();
    view.roadmap = {
      ...view.roadmap,
      electionDates: ['2026-03-15', '2020-03-15', '2026-03-15'],
    };
    expect(electionDays(view, chartRange(view, 'quarter'))).toEqual(['2026-03-15', '2028-03-19']);
  });
});

describe('periodTicks', () => {
  it('draws a line at each period start, years in bold', () => {
    const ticks = periodTicks({ start: '2026-01-01', end: '2026-12-31' }, 'quarter');
    expect(ticks.map((t) => [t.day, t.x, t.major])).toEqual([
      ['2026-01-01', 0, true],
      ['2026-04-01', 90 * 1.5, false],
      ['2026-07-01', 181 * 1.5, false],
      ['2026-10-01', 273 * 1.5, false],
    ]);
    expect(periodTicks({ start: '2026-01-01', end: '2026-12-31' }, 'month')).toHaveLength(12);
  });
});

describe('diamondPoints', () => {
  it('is a square on its corner, centred on the point', () => {
    expect(diamondPoints(100, 50, 10)).toBe('100,40 110,50 100,60 90,50');
  });
});
