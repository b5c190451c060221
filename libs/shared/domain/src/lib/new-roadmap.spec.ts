import { checkElectionDates, decisiveRound, nextElectionOf } from './new-roadmap';

const months = { post: 9, emergence: 24 };

describe('a new roadmap’s election dates', () => {
  it('accepts one round, or two a week apart, and a next election six years on', () => {
    expect(checkElectionDates({ firstRound: '2026-03-15', nextElection: '2032-03-14' }, months)).toEqual([]);
    expect(checkElectionDates({ firstRound: '2026-03-15', secondRound: '2026-03-22', nextElection: '2032-03-14' }, months)).toEqual([]);
    expect(checkElectionDates({ firstRound: '2026-03-15', secondRound: '2026-03-29' }, months)).toEqual([]);
  });

  it('decides on the second round when there is one; the next election defaults to six years after the first round', () => {
    expect(decisiveRound({ firstRound: '2026-03-15', secondRound: '2026-03-22' })).toBe('2026-03-22');
    expect(decisiveRound({ firstRound: '2026-03-15', secondRound: null })).toBe('2026-03-15');
    expect(nextElectionOf({ firstRound: '2026-03-15' })).toBe('2032-03-15');
    expect(nextElectionOf({ firstRound: '2026-03-15', nextElection: '2032-03-14' })).toBe('2032-03-14');
  });

  it('refuses a second round on or before the first, or more than 14 days after it, on the field secondRound', () => {
    for (const secondRound of ['2026-03-15', '2026-03-08']) {
      expect(checkElectionDates({ firstRound: '2026-03-15', secondRound })).toEqual([
        { field: 'secondRound', message: 'Le second tour doit avoir lieu après le premier tour (15/03/2026).' },
      ]);
    }
    expect(checkElectionDates({ firstRound: '2026-03-15', secondRound: '2026-03-30' })).toEqual([
      { field: 'secondRound', message: 'Le second tour a lieu au plus 14 jours après le premier (le 29/03/2026 au plus tard).' },
    ]);
  });

  it('refuses a next election before the election, or too close to leave a day of maturation, on the field nextElection', () => {
    expect(checkElectionDates({ firstRound: '2026-03-15', secondRound: '2026-03-22', nextElection: '2026-03-22' })).toEqual([
      { field: 'nextElection', message: 'La prochaine élection doit venir après celle du 22/03/2026.' },
    ]);
    expect(checkElectionDates({ firstRound: '2026-03-15', nextElection: '2020-03-15' })).toEqual([
      { field: 'nextElection', message: 'La prochaine élection doit venir après celle du 15/03/2026.' },
    ]);
    // 9 + 24 months after 15 March 2026: maturation would start on 15 December 2028
    expect(checkElectionDates({ firstRound: '2026-03-15', nextElection: '2028-12-15' }, months)).toEqual([
      {
        field: 'nextElection',
        message:
          'La prochaine élection est trop proche : la phase de maturation commencerait le 15/12/2028. Choisissez une date après celle-ci.',
      },
    ]);
    expect(checkElectionDates({ firstRound: '2026-03-15', nextElection: '2028-12-16' }, months)).toEqual([]);
  });
});
