import { aMilestone, aChronogram, anAction } from './testing/chronogram';
import { itemDays } from './gantt-item-rows';
import { buildRows, ItemRow } from './gantt-rows';

const NONE: ReadonlySet<string> = new Set();

function itemsOf(rows: ReturnType<typeof buildRows>): ItemRow[] {
  return rows.flatMap((r) => (r.kind === 'group' ? [] : [r]));
}

describe('itemDays', () => {
  it('gives an action its start and due days, a milestone its date twice', () => {
    const view = aChronogram({
      actions: [anAction({ id: 'x', functionId: 'fn-ethique', start: '2026-03-28', due: '2026-04-02' })],
      milestones: [aMilestone({ id: 'y', functionId: 'fn-ethique', date: '2026-10-25', achievedOn: '2026-10-20', state: 'achieved' })],
      dependencies: [],
    });
    expect(itemsOf(buildRows(view, NONE)).map((r) => [r.kind, itemDays(r)])).toEqual([
      ['action', { start: '2026-03-28', due: '2026-04-02' }],
      ['milestone', { start: '2026-10-25', due: '2026-10-25' }],
    ]);
  });
});

describe('the identity of an item row', () => {
  it('keys actions and milestones apart, gives each a task id of its own and its function colour', () => {
    const view = aChronogram({
      actions: [anAction({ id: 'same', functionId: 'fn-ethique', title: 'Une action', version: 3 })],
      milestones: [
        aMilestone({ id: 'same', functionId: 'fn-ethique', title: 'Un jalon', version: 5 }),
        // « m-s.me » and « m-s_me » are the same CSS-safe id: the second is numbered
        aMilestone({ id: 's.me', functionId: 'fn-ethique', title: 'Un autre jalon' }),
        aMilestone({ id: 's_me', functionId: 'fn-ethique', title: 'Un dernier jalon' }),
      ],
      dependencies: [],
    });
    const items = itemsOf(buildRows(view, NONE));
    const group = buildRows(view, NONE)[0];
    expect(items.map((r) => [r.key, r.taskId, r.id, r.functionId, r.title])).toEqual(
      expect.arrayContaining([
        ['a:same', 'a-same', 'same', 'fn-ethique', 'Une action'],
        ['m:same', 'm-same', 'same', 'fn-ethique', 'Un jalon'],
        ['m:s.me', 'm-s_me', 's.me', 'fn-ethique', 'Un autre jalon'],
        ['m:s_me', 'm-s_me_2', 's_me', 'fn-ethique', 'Un dernier jalon'],
      ]),
    );
    const versions = new Map(items.map((r) => [r.key, r.version]));
    expect([versions.get('a:same'), versions.get('m:same')]).toEqual([3, 5]);
    expect(new Set(items.map((r) => r.color))).toEqual(new Set([group.color]));
  });
});
