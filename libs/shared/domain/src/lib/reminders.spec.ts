import { addDays } from './dates';
import { DEFAULT_REMINDER_RULES, digestDay, remindersOn } from './reminders';
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
    const once: ReminderRules = { before: [], onDueDate: false, overdueEveryDays: 0, escalateAfterDays: 7, milestones: true };
    expect(calendar('2027-06-30', '2027-06-30', '2027-07-31', once)).toEqual(['2027-07-07 escalation']);
  });

  it('follows the roadmap’s own rules: other days before, no escalation, no overdue reminders', () => {
    const own: ReminderRules = { before: [30, 3], onDueDate: false, overdueEveryDays: 0, escalateAfterDays: 0, milestones: true };
    expect(calendar('2027-06-30', '2027-05-01', '2027-08-31', own)).toEqual(['2027-05-31 before', '2027-06-27 before']);
    const lateOnly: ReminderRules = { before: [], onDueDate: true, overdueEveryDays: 3, escalateAfterDays: 9, milestones: true };
    expect(calendar('2027-06-30', '2027-06-29', '2027-07-12', lateOnly)).toEqual([
      '2027-06-30 due',
      '2027-07-03 overdue',
      '2027-07-06 overdue',
      '2027-07-09 overdue+escalation',
      '2027-07-12 overdue+escalation',
    ]);
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
