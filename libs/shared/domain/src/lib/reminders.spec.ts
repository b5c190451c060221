import { addDays } from './dates';
import {
  DEFAULT_REMINDER_RULES,
  REMINDER_RULE_BOUNDS,
  digestDay,
  indicatorDueOn,
  indicatorReminderOn,
  indicatorReminderRecipient,
  remindersOn,
} from './reminders';
import type { ReminderRules } from './reminders';

const rules = DEFAULT_REMINDER_RULES;

/** the days from `from` to `to` on which `remindersOn` returns something, with what */
function calendar(due: string, from: string, to: string, r: ReminderRules = rules): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const kinds = remindersOn(due, d, r);
    if (kinds.length) out.push(`${d} ${kinds.join('+')}`);
  }
  return out;
}

describe('remindersOn', () => {
  it('reminds 14, 7 and 1 days before, on the day, then every 7 days late, escalating from 7 days late', () => {
    expect(calendar('2027-04-30', '2027-04-01', '2027-05-31')).toEqual([
      '2027-04-16 before',
      '2027-04-23 before',
      '2027-04-29 before',
      '2027-04-30 due',
      '2027-05-07 overdue+escalation',
      '2027-05-14 overdue+escalation',
      '2027-05-21 overdue+escalation',
      '2027-05-28 overdue+escalation',
    ]);
  });

  it('counts calendar days across the spring-forward Sunday (28 March 2027) and the fall-back one (31 October 2027)', () => {
    // due on Sunday 4 April 2027: a week before is Sunday 28 March, the day clocks go forward
    expect(remindersOn('2027-04-04', '2027-03-28', rules)).toEqual(['before']);
    expect(remindersOn('2027-04-04', '2027-03-21', rules)).toEqual(['before']);
    // due Saturday 30 October 2027: one day later (the fall-back Sunday) is not yet a reminder, 7 days later is
    expect(remindersOn('2027-10-30', '2027-10-31', rules)).toEqual([]);
    expect(remindersOn('2027-10-30', '2027-11-06', rules)).toEqual(['overdue', 'escalation']);
  });

  it('escalates once when overdue reminders are off', () => {
    const once: ReminderRules = {
      before: [],
      onDueDate: false,
      overdueEveryDays: 0,
      escalateAfterDays: 7,
      milestones: true,
      indicatorStaleDays: 0,
    };
    expect(calendar('2027-06-30', '2027-06-30', '2027-07-31', once)).toEqual(['2027-07-07 escalation']);
  });

  it('follows the roadmap’s own rules: other days before, no escalation, no overdue reminders', () => {
    const own: ReminderRules = {
      before: [30, 3],
      onDueDate: false,
      overdueEveryDays: 0,
      escalateAfterDays: 0,
      milestones: true,
      indicatorStaleDays: 0,
    };
    expect(calendar('2027-06-30', '2027-05-01', '2027-08-31', own)).toEqual(['2027-05-31 before', '2027-06-27 before']);
    const lateOnly: ReminderRules = {
      before: [],
      onDueDate: true,
      overdueEveryDays: 3,
      escalateAfterDays: 9,
      milestones: true,
      indicatorStaleDays: 0,
    };
    expect(calendar('2027-06-30', '2027-06-29', '2027-07-12', lateOnly)).toEqual([
      '2027-06-30 due',
      '2027-07-03 overdue',
      '2027-07-06 overdue',
      '2027-07-09 overdue+escalation',
      '2027-07-12 overdue+escalation',
    ]);
  });
});

describe('indicatorReminderOn', () => {
  const ind = { baselineOn: '2026-01-01', targetOn: '2030-01-01' };
  /** the days from `from` to `to` on which the indicator is reminded */
  function days(last: string | null, from: string, to: string, every = 30, line = ind): string[] {
    const out: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (indicatorReminderOn(line, last, d, { indicatorStaleDays: every })) out.push(d);
    return out;
  }

  it('is on by default, every 90 days, bounded 0 to 365', () => {
    expect(DEFAULT_REMINDER_RULES.indicatorStaleDays).toBe(90);
    expect(REMINDER_RULE_BOUNDS.indicatorStaleDays).toEqual({ min: 0, max: 365 });
  });

  it('reminds N days after the latest measurement, then every N days', () => {
    expect(days('2026-03-01', '2026-03-01', '2026-06-30')).toEqual(['2026-03-31', '2026-04-30', '2026-05-30', '2026-06-29']);
    expect(indicatorDueOn(ind, '2026-03-01', 30)).toBe('2026-03-31');
  });

  it('counts from the baseline date when never measured, and never before it', () => {
    expect(days(null, '2025-10-01', '2026-03-05')).toEqual(['2026-01-31', '2026-03-02']);
    expect(indicatorDueOn(ind, null, 30)).toBe('2026-01-31');
  });

  it('says nothing with the rule at 0, nor once measured on or after the target date', () => {
    expect(days('2026-03-01', '2026-03-01', '2027-03-01', 0)).toEqual([]);
    expect(days('2030-01-01', '2030-01-01', '2031-01-01')).toEqual([]);
    expect(days('2029-12-31', '2030-01-29', '2030-01-30')).toEqual(['2030-01-30']);
  });

  it('counts calendar days across the clock change and 29 February', () => {
    expect(days('2028-02-01', '2028-02-01', '2028-03-05', 29)).toEqual(['2028-03-01']);
    expect(days('2027-03-27', '2027-03-27', '2027-03-29', 1)).toEqual(['2027-03-28', '2027-03-29']);
  });
});

describe('indicatorReminderRecipient', () => {
  const owner = { id: 'o', active: true };
  const lead = { id: 'l', active: true };
  it('is the function’s owner while active, else the project lead while active, else no one', () => {
    expect(indicatorReminderRecipient({ functionOwner: owner, projectLead: lead })).toBe('o');
    expect(indicatorReminderRecipient({ functionOwner: { ...owner, active: false }, projectLead: lead })).toBe('l');
    expect(indicatorReminderRecipient({ functionOwner: null, projectLead: lead })).toBe('l');
    expect(indicatorReminderRecipient({ functionOwner: null, projectLead: { ...lead, active: false } })).toBeNull();
  });
});

describe('digestDay', () => {
  it('sends daily digests every day, weekly ones on Mondays only, none never', () => {
    const week = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'];
    expect(week.map((d) => digestDay('daily', d))).toEqual([true, true, true, true, true, true, true]);
    expect(week.map((d) => digestDay('weekly', d))).toEqual([true, false, false, false, false, false, false]);
    expect(week.map((d) => digestDay('none', d))).toEqual([false, false, false, false, false, false, false]);
    expect(digestDay('weekly', '2027-03-29')).toBe(true); // the Monday after the spring-forward Sunday
  });
});
