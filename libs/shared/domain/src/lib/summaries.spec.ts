import { firstMondayOfMonth, frenchMonth, lastDayOfMonth, monthOf, previousMonth, summaryDue } from './summaries';

describe('the monthly summary calendar', () => {
  it('finds the first Monday of the month, whatever the day of the month given', () => {
    expect(firstMondayOfMonth('2026-12-01')).toBe('2026-12-07'); // 1 December 2026 is a Tuesday
    expect(firstMondayOfMonth('2026-12-31')).toBe('2026-12-07');
    expect(firstMondayOfMonth('2027-02-14')).toBe('2027-02-01'); // the month starts on a Monday
    expect(firstMondayOfMonth('2027-03-09')).toBe('2027-03-01');
    expect(firstMondayOfMonth('2026-11-29')).toBe('2026-11-02'); // starts on a Sunday
    expect(firstMondayOfMonth('2027-05-20')).toBe('2027-05-03'); // starts on a Saturday
    expect(firstMondayOfMonth('2024-02-29')).toBe('2024-02-05');
  });

  it('is due from the first Monday to the end of the month, not before', () => {
    expect(summaryDue('2026-12-06')).toBe(false);
    expect(summaryDue('2026-12-07')).toBe(true);
    expect(summaryDue('2026-12-31')).toBe(true);
    expect(summaryDue('2027-01-01')).toBe(false); // a new month: its own first Monday, the 4th
    expect(summaryDue('2027-01-04')).toBe(true);
  });

  it('names months and the month before, across a year', () => {
    expect(monthOf('2026-12-07')).toBe('2026-12');
    expect(frenchMonth('2026-12-07')).toBe('décembre 2026');
    expect(frenchMonth('2027-02-01')).toBe('février 2027');
    expect(previousMonth('2027-01-04')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
    expect(previousMonth('2028-03-06')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(lastDayOfMonth('2027-02-10')).toBe('2027-02-28');
  });
});
