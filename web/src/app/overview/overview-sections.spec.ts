import { aMilestone, aPerson, aRecentChange, anAction } from '../testing/factories';
import { RECENT_CHANGES_SHOWN, changeRows, lateRows, upcomingGroups } from './overview-sections';

const AT = '2024-05-01';
const FNS = new Map([['fn-ethique', { name: 'Éthique', owner: aPerson({ name: 'Camille Le Goff' }) }]]);

describe('upcomingGroups', () => {
  it('puts day 30 in the first window, day 31 in the second, and leaves day 91 out', () => {
    const milestones = [
      aMilestone({ id: 'today', date: '2024-05-01' }),
      aMilestone({ id: 'd30', date: '2024-05-31' }),
      aMilestone({ id: 'd31', date: '2024-06-01' }),
      aMilestone({ id: 'd90', date: '2024-07-30' }),
      aMilestone({ id: 'd91', date: '2024-07-31' }),
      aMilestone({ id: 'late', date: '2024-04-30' }),
      aMilestone({ id: 'achieved', date: '2024-05-10', achievedOn: '2024-05-02' }),
    ];
    const groups = upcomingGroups(milestones, AT, FNS);
    expect(groups.map((g) => [g.id, g.until, g.rows.map((r) => r.id)])).toEqual([
      ['30', '2024-05-31', ['today', 'd30']],
      ['90', '2024-07-30', ['d31', 'd90']],
    ]);
  });
});

describe('lateRows', () => {
  it('lists what is past due, most overdue first; a milestone answers to its function’s owner', () => {
    const rows = lateRows(
      {
        actions: [anAction({ id: 'a', due: '2024-04-20' }), anAction({ id: 'not-yet', due: '2024-05-01' })],
        milestones: [aMilestone({ id: 'm', date: '2024-04-10' })],
      },
      AT,
      FNS,
    );
    expect(rows.map((r) => [r.key, r.daysLate, r.owner, r.state])).toEqual([
      ['milestone-m', 21, 'Camille Le Goff', 'Non atteint'],
      ['action-a', 11, 'Soizic Le Bihan', 'En cours'],
    ]);
  });
});

describe('lateRows, a milestone with an owner of its own', () => {
  it('names the milestone’s owner rather than its function’s', () => {
    const rows = lateRows(
      { actions: [], milestones: [aMilestone({ id: 'm', date: '2024-04-10', owner: { id: 'p-9', name: 'Maël Guivarc’h' } })] },
      AT,
      FNS,
    );
    expect(rows.map((r) => r.owner)).toEqual(['Maël Guivarc’h']);
  });
});

describe('changeRows', () => {
  it('keeps the newest changes only, and does not link to a deleted item', () => {
    const changes = Array.from({ length: RECENT_CHANGES_SHOWN + 2 }, (_, i) =>
      aRecentChange({ id: `h-${i}`, itemId: `act-${i}`, at: `2024-05-01T08:${String(i).padStart(2, '0')}:00.000Z` }),
    );
    changes.push(aRecentChange({ id: 'gone', itemId: 'act-11', field: 'deleted', at: '2024-05-01T09:00:00.000Z' }));
    const rows = changeRows(changes);
    expect(rows).toHaveLength(RECENT_CHANGES_SHOWN);
    expect(rows.map((r) => r.id).slice(0, 3)).toEqual(['gone', 'h-11', 'h-10']);
    expect(rows[0].link).toBeNull();
    expect(rows[1].link).toBeNull();
    expect(rows[2].link).toEqual(['/actions', 'act-10']);
  });
});
