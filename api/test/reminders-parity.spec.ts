import { MikroORM } from '@mikro-orm/postgresql';
import fc from 'fast-check';

import { selectDueReminders } from '../src/app/reminders/due-reminders';
import type { DueReminder } from '../src/app/reminders/due-reminders';
import { ormOptions } from '../src/infra/database/mikro-orm.config';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import {
  clearWorld,
  describeReminder,
  expectedReminders,
  lastSunday,
  materialize,
  reminderKey,
  worldArb,
  writeWorld,
} from './factories/reminder-world';
import type { World } from './factories/reminder-world';

/** A failure that says which reminders one side has and the other lacks, in labels (a17, p2, r0). */
function disagreement(world: World, selected: DueReminder[], expected: DueReminder[]): string | null {
  const count = (rs: DueReminder[]) =>
    rs.reduce((m, r) => m.set(reminderKey(r), (m.get(reminderKey(r)) ?? 0) + 1), new Map<string, number>());
  const [got, want] = [count(selected), count(expected)];
  const onlySql = selected.filter((r) => (got.get(reminderKey(r)) ?? 0) > (want.get(reminderKey(r)) ?? 0));
  const onlyDomain = expected.filter((r) => (want.get(reminderKey(r)) ?? 0) > (got.get(reminderKey(r)) ?? 0));
  if (!onlySql.length && !onlyDomain.length) return null;
  const list = (rs: DueReminder[]) => rs.slice(0, 5).map((r) => `\n    ${describeReminder(world, r)}`);
  return [
    `SQL and domain disagree on ${world.spec.day} (${selected.length} selected, ${expected.length} expected):`,
    `  selected by the SQL only (${onlySql.length}):${list(onlySql).join('')}`,
    `  expected by the domain only (${onlyDomain.length}):${list(onlyDomain).join('')}`,
  ].join('\n');
}

/**
 * One source per rule: the job's set-based SQL (`selectDueReminders`) and the domain's rules
 * (`remindersOn`, `reminderRecipient`; `indicatorReminderOn`, `indicatorReminderRecipient`) fed the
 * same generated roadmaps — hundreds of open and closed items and scores of indicators, measured or
 * not, around a clock change, a month end or 29 February, every kind of rules — must choose exactly
 * the same reminders for the same people.
 */
describe('reminder selection: SQL and domain agree', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: false });
    orm = await MikroORM.init(ormOptions(db.url));
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('picks the clock-change Sundays the generator aims at', () => {
    expect([lastSunday(2027, 3), lastSunday(2027, 10), lastSunday(2028, 3), lastSunday(2026, 10)]).toEqual([
      '2027-03-28',
      '2027-10-31',
      '2028-03-26',
      '2026-10-25',
    ]);
  });

  it('selects, on generated roadmaps, exactly the reminders the domain rules give', async () => {
    const tally = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(worldArb, async (spec) => {
        const world = materialize(spec);
        await clearWorld(db);
        await writeWorld(db, world);
        const selected = await selectDueReminders(orm.em.fork(), spec.day);
        const problem = disagreement(world, selected, expectedReminders(world, tally));
        if (problem) throw new Error(problem);
      }),
      // a failing world is reported with the seed that replays it (pass `seed` and `path` here);
      // no shrinking: each try costs a database round, and the message already names the items
      { numRuns: 40, endOnFailure: true },
    );
    // the runs did reach every branch of the rules (a vacuous pass would not)
    const branches = [
      'action before',
      'action due',
      'action overdue',
      'action escalation',
      'milestone before',
      'milestone due',
      'milestone overdue',
      'milestone escalation',
      'no active recipient',
      'inactive owner, function owner instead',
      'indicator stale',
      'indicator never measured',
      'indicator measured at its target, else due',
      'indicator: no active function owner, project lead instead',
    ];
    expect(branches.filter((b) => !tally.get(b))).toEqual([]);
  });

  it('refuses a day that is not a calendar day before reaching the database', async () => {
    for (const day of ['2027-02-29', "2027-03-28'::date; drop table account; --", '28/03/2027']) {
      await expect(selectDueReminders(orm.em.fork(), day)).rejects.toThrow(RangeError);
    }
  });
});
