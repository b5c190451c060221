import { compareToBaseline, slipDays, slipLabel, slipSummaries } from './baselines';
import type { PlannedItem } from './baselines';

const action = (id: string, start: string, due: string, functionId = 'f1', phaseId = 'p1'): PlannedItem => ({
  type: 'action',
  id,
  functionId,
  phaseId,
  title: `Action ${id}`,
  start,
  due,
});
const milestone = (id: string, date: string, functionId = 'f1', phaseId = 'p1'): PlannedItem => ({
  type: 'milestone',
  id,
  functionId,
  phaseId,
  title: `Jalon ${id}`,
  start: null,
  due: date,
});

describe('slipDays', () => {
  it('counts calendar days, across a month end, a leap day and the change to summer time', () => {
    expect(slipDays('2026-06-30', '2026-07-01')).toBe(1);
    expect(slipDays('2028-02-28', '2028-03-01')).toBe(2);
    expect(slipDays('2027-03-27', '2027-03-29')).toBe(2);
    expect(slipDays('2026-12-31', '2026-12-01')).toBe(-30);
    expect(slipDays('2026-05-05', '2026-05-05')).toBe(0);
  });
});

describe('compareToBaseline', () => {
  const baseline = [action('a', '2026-01-01', '2026-03-31'), milestone('m', '2026-06-30'), action('gone', '2026-01-01', '2026-02-01')];
  const current = [
    action('a', '2026-01-15', '2026-04-30'),
    milestone('m', '2026-06-20'),
    action('fresh', '2026-05-01', '2026-05-31', 'f2', 'p2'),
  ];
  const slips = compareToBaseline(baseline, current);

  it('gives each kept item its slip of the due date (start moves alone slip nothing), deleted then new items without one', () => {
    expect(slips.map((s) => [s.id, s.state, s.slipDays])).toEqual([
      ['a', 'planned', 30],
      ['m', 'planned', -10],
      ['gone', 'deleted', null],
      ['fresh', 'new', null],
    ]);
    expect(slips[0]).toMatchObject({
      baseline: { start: '2026-01-01', due: '2026-03-31' },
      current: { start: '2026-01-15', due: '2026-04-30' },
    });
    expect(slips[2]).toMatchObject({ current: null, title: 'Action gone' });
    expect(slips[3]).toMatchObject({ baseline: null, functionId: 'f2', phaseId: 'p2' });
  });

  it('never mixes an action and a milestone of the same id', () => {
    const out = compareToBaseline([action('x', '2026-01-01', '2026-01-31')], [milestone('x', '2026-01-31')]);
    expect(out.map((s) => [s.type, s.state])).toEqual([
      ['action', 'deleted'],
      ['milestone', 'new'],
    ]);
  });

  it('labels slips for a table', () => {
    expect(slips.map(slipLabel)).toEqual(['+30 j', '−10 j', 'supprimé', 'nouveau']);
    expect(slipLabel({ state: 'planned', slipDays: 0 })).toBe('0 j');
  });
});

describe('slipSummaries', () => {
  const baseline = [
    action('a', '2026-01-01', '2026-03-31', 'f1'),
    action('b', '2026-01-01', '2026-03-31', 'f1'),
    action('c', '2026-01-01', '2026-03-31', 'f1'),
    milestone('m', '2026-06-30', 'f2'),
    milestone('gone', '2026-06-30', 'f2'),
  ];
  const current = [
    action('a', '2026-01-01', '2026-04-10', 'f1'), // +10
    action('b', '2026-01-01', '2026-04-05', 'f2'), // +5, moved to f2 since: counted in f1, as voted
    action('c', '2026-01-01', '2026-03-01', 'f1'), // −30: brought forward, not slipped
    milestone('m', '2026-06-30', 'f2'), // 0
    action('new', '2026-01-01', '2026-02-01', 'f2'),
  ];
  const slips = compareToBaseline(baseline, current);

  it('counts per key, in the keys’ order, the slipped items, their total and largest days; zeros for a key without items', () => {
    expect(slipSummaries(slips, ['f2', 'f1', 'f3'], (s) => s.functionId)).toEqual([
      { key: 'f2', compared: 1, slipped: 0, totalDays: 0, maxDays: 0, added: 1, deleted: 1 },
      { key: 'f1', compared: 3, slipped: 2, totalDays: 15, maxDays: 10, added: 0, deleted: 0 },
      { key: 'f3', compared: 0, slipped: 0, totalDays: 0, maxDays: 0, added: 0, deleted: 0 },
    ]);
  });

  it('leaves out items whose key is not listed or null', () => {
    expect(slipSummaries(slips, ['p1'], (s) => (s.type === 'milestone' ? null : s.phaseId))).toEqual([
      { key: 'p1', compared: 3, slipped: 2, totalDays: 15, maxDays: 10, added: 1, deleted: 0 },
    ]);
  });
});
