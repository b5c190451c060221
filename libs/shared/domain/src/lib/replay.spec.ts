import { ItemReplay, stateAt, statesAt } from './replay';
import type { ItemValues, ReplayLine } from './replay';

const action: ItemValues = {
  title: 'Cartographier les données',
  function: 'Fonction centrale',
  phase: 'Incubation post-électorale',
  status: 'terminee',
  progress: 100,
  start: '2026-04-01',
  due: '2026-09-30',
  volet: null,
};

const line = (day: string, field: string, from: string | null, to: string | null): ReplayLine => ({ day, field, from, to });

/** Created « à lancer » in March, started in May, half done in July, re-planned in August, finished in October. */
const lines: ReplayLine[] = [
  line('2025-03-01', 'created', null, 'a_lancer 0 %'),
  line('2025-05-12', 'status', 'a_lancer', 'en_cours'),
  line('2025-05-12', 'progress', '0', '20'),
  line('2025-07-01', 'progress', '20', '50'),
  line('2025-08-20', 'due', '2026-06-30', '2026-09-30'),
  line('2025-08-20', 'function', 'Fonction juridique', 'Fonction centrale'),
  line('2025-10-03', 'status', 'en_cours', 'terminee'),
  line('2025-10-03', 'progress', '50', '100'),
];

describe('stateAt (ADR 0020)', () => {
  it('is the current item on and after the day of its last line', () => {
    expect(stateAt(action, lines, '2025-10-03')).toEqual(action);
    expect(stateAt(action, lines, '2026-11-29')).toEqual(action);
  });

  it('walks back every line newer than the day, and only those', () => {
    expect(stateAt(action, lines, '2025-10-02')).toMatchObject({
      status: 'en_cours',
      progress: 50,
      due: '2026-09-30',
      function: 'Fonction centrale',
    });
    expect(stateAt(action, lines, '2025-08-19')).toMatchObject({
      status: 'en_cours',
      progress: 50,
      due: '2026-06-30',
      function: 'Fonction juridique',
    });
    expect(stateAt(action, lines, '2025-08-20')).toMatchObject({ status: 'en_cours', progress: 50, due: '2026-09-30' });
    expect(stateAt(action, lines, '2025-06-30')).toMatchObject({ status: 'en_cours', progress: 20, due: '2026-06-30' });
    expect(stateAt(action, lines, '2025-05-11')).toMatchObject({ status: 'a_lancer', progress: 0 });
  });

  it('counts a line in the day it was written: the end of its day includes it', () => {
    expect(stateAt(action, lines, '2025-05-12')).toMatchObject({ status: 'en_cours', progress: 20 });
  });

  it('has no item before its creation line', () => {
    expect(stateAt(action, lines, '2025-03-01')).not.toBeNull();
    expect(stateAt(action, lines, '2025-02-28')).toBeNull();
  });

  it('is the current item when there are no lines (nothing changed since)', () => {
    expect(stateAt(action, [], '2020-01-01')).toEqual(action);
  });

  it('brings back an item deleted since (its Corbeille snapshot as current), absent between a deletion and a restore', () => {
    const deleted = [...lines, line('2026-01-10', 'deleted', 'Cartographier les données', null)];
    expect(stateAt(action, deleted, '2026-01-10', false)).toBeNull();
    expect(stateAt(action, deleted, '2026-01-09', false)).toMatchObject({ status: 'terminee' });
    const restored = [...deleted, line('2026-02-01', 'restored', null, 'Cartographier les données')];
    expect(stateAt(action, restored, '2026-02-01')).toMatchObject({ status: 'terminee' });
    expect(stateAt(action, restored, '2026-01-20')).toBeNull();
    expect(stateAt(action, restored, '2025-12-31')).toMatchObject({ status: 'terminee' });
  });

  it('replays a milestone: its date and achievement, not achieved before the day it was', () => {
    const m: ItemValues = { title: 'Diagnostic restitué', function: 'F', phase: 'P', date: '2025-11-30', achievedOn: '2025-11-20' };
    const ml = [
      line('2025-03-01', 'created', null, null),
      line('2025-09-01', 'date', '2025-10-31', '2025-11-30'),
      line('2025-11-21', 'achievedOn', null, '2025-11-20'),
    ];
    expect(stateAt(m, ml, '2025-11-21')).toMatchObject({ achievedOn: '2025-11-20' });
    expect(stateAt(m, ml, '2025-11-20')).toMatchObject({ achievedOn: null, date: '2025-11-30' });
    expect(stateAt(m, ml, '2025-08-31')).toMatchObject({ achievedOn: null, date: '2025-10-31' });
    // marked achieved the same day it was recorded, on a date after the asked day: not yet achieved then
    expect(stateAt({ ...m, achievedOn: '2026-01-05' }, [], '2026-01-04')).toMatchObject({ achievedOn: null });
  });

  it('leaves a field as it is when a line holds a value it cannot read', () => {
    const odd = [
      line('2025-06-01', 'status', 'en_pause', 'terminee'),
      line('2025-06-01', 'progress', 'beaucoup', '100'),
      line('2025-06-01', 'start', '01/04/2026', '2026-04-01'),
    ];
    expect(stateAt(action, odd, '2025-05-31')).toMatchObject({ status: 'terminee', progress: 100, start: '2026-04-01' });
  });

  it('ignores lines that change nothing it tracks (description, owner, comment, proof)', () => {
    const other = [
      line('2025-06-01', 'description', 'a', 'b'),
      line('2025-06-01', 'owner', 'A', 'B'),
      line('2025-06-01', 'comment', null, null),
    ];
    expect(stateAt(action, other, '2025-05-31')).toEqual(action);
  });

  it('steps through many days replaying once, whatever order the days come in', () => {
    const days = ['2025-06-30', '2026-12-31', '2025-02-28', '2025-09-30'];
    expect(statesAt(action, lines, days).map((s) => s && `${s.status} ${s.progress}`)).toEqual([
      'en_cours 20',
      'terminee 100',
      null,
      'en_cours 50',
    ]);
    const replay = new ItemReplay(action, lines);
    expect(replay.at('2025-12-31')?.progress).toBe(100);
    expect(replay.at('2025-07-31')?.progress).toBe(50);
    expect(replay.at('2025-01-31')).toBeNull();
  });

  it('does not change the current values it was given', () => {
    const copy = { ...action };
    stateAt(action, lines, '2025-04-01');
    expect(action).toEqual(copy);
  });
});
