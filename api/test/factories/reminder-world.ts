import { randomUUID } from 'node:crypto';

import {
  addDays,
  daysBetween,
  daysInMonth,
  DEFAULT_REMINDER_RULES,
  indicatorDueOn,
  indicatorReminderOn,
  indicatorReminderRecipient,
  latestReading,
  reminderRecipient,
  remindersOn,
} from '@jalons/domain';
import type { IsoDate, ReminderParty, ReminderRules } from '@jalons/domain';
import fc from 'fast-check';

import type { DueReminder } from '../../src/app/reminders/due-reminders';
import type { TestDatabase } from '../database';

/**
 * Generated worlds for the reminder rules: people (active or not), roadmaps (rules, a project
 * lead or none, functions with an owner or none) and hundreds of actions and milestones, open or
 * not, due around a day near a clock change, a month end or 29 February. People, roadmaps and
 * functions are referred to by index (taken modulo their number), so every generated value is valid.
 */
export interface WorldSpec {
  day: IsoDate;
  people: Array<{ active: boolean }>;
  roadmaps: Array<{ rules: ReminderRules; lead: number | null; functionOwners: Array<number | null> }>;
  items: ItemSpec[];
  indicators: IndicatorSpec[];
}

/** An indicator: its baseline date, target date and measurement days, relative to the world's day. */
export interface IndicatorSpec {
  roadmap: number;
  fn: number;
  /** baseline date minus the day (mostly in the past) */
  baselineIn: number;
  /** target date minus baseline date (≥ 1) */
  span: number;
  /** measurement days, in days after the baseline date (repeats dropped; some after the world's day) */
  measuredAfter: number[];
  /** one more measurement on the target date itself (the indicator is then finished) */
  measuredAtTarget: boolean;
}

export interface ItemSpec {
  type: 'action' | 'milestone';
  roadmap: number;
  fn: number;
  /** due date minus the day */
  dueIn: number;
  /** an action's status (ignored for milestones) */
  status: 'a_lancer' | 'en_cours' | 'bloquee' | 'terminee' | 'abandonnee';
  /** a milestone's achievement (ignored for actions) */
  achieved: boolean;
  /** the item's own owner (an action's or a milestone's) */
  owner: number | null;
}

/** The last Sunday of a month (the clocks change in Europe/Paris on those of March and October). */
export function lastSunday(year: number, month: number): IsoDate {
  const last = `${year}-${String(month).padStart(2, '0')}-${daysInMonth(year, month)}`;
  const weekday = ((daysBetween('1970-01-04', last) % 7) + 7) % 7; // 1970-01-04 was a Sunday
  return addDays(last, -weekday);
}

const dayArb: fc.Arbitrary<IsoDate> = fc
  .record({
    anchor: fc.constantFrom('spring-forward', 'fall-back', 'month-end', '29-february'),
    year: fc.integer({ min: 2024, max: 2032 }),
    month: fc.integer({ min: 1, max: 12 }),
    offset: fc.integer({ min: -3, max: 3 }),
  })
  .map(({ anchor, year, month, offset }) => {
    const leap = [2024, 2028, 2032][year % 3];
    const at =
      anchor === 'spring-forward'
        ? lastSunday(year, 3)
        : anchor === 'fall-back'
          ? lastSunday(year, 10)
          : anchor === 'month-end'
            ? `${year}-${String(month).padStart(2, '0')}-${daysInMonth(year, month)}`
            : `${leap}-02-29`;
    return addDays(at, offset);
  });

const small = (max: number) =>
  fc.oneof({ arbitrary: fc.integer({ min: 1, max: Math.min(max, 14) }), weight: 3 }, fc.integer({ min: 1, max }));

/** Rules as the project lead may set them (the DTO's bounds), the defaults often, zeros included. */
export const rulesArb: fc.Arbitrary<ReminderRules> = fc.oneof(
  {
    arbitrary: fc.constant(null).map((): ReminderRules => ({ ...DEFAULT_REMINDER_RULES, before: [...DEFAULT_REMINDER_RULES.before] })),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      before: fc.array(small(90), { maxLength: 6 }),
      onDueDate: fc.boolean(),
      overdueEveryDays: fc.oneof(fc.constant(0), small(60)),
      escalateAfterDays: fc.oneof(fc.constant(0), small(90)),
      milestones: fc.boolean(),
      indicatorStaleDays: fc.oneof(fc.constant(0), { arbitrary: fc.integer({ min: 1, max: 30 }), weight: 4 }, small(365)),
    }),
    weight: 3,
  },
);

const indicatorArb: fc.Arbitrary<IndicatorSpec> = fc.record({
  roadmap: fc.nat({ max: 7 }),
  fn: fc.nat({ max: 7 }),
  baselineIn: fc.oneof({ arbitrary: fc.integer({ min: -60, max: 0 }), weight: 3 }, fc.integer({ min: -400, max: 30 })),
  span: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 60 }), weight: 2 }, fc.integer({ min: 1, max: 2200 })),
  measuredAfter: fc.array(fc.oneof({ arbitrary: fc.integer({ min: 0, max: 60 }), weight: 3 }, fc.integer({ min: 0, max: 400 })), {
    maxLength: 4,
  }),
  measuredAtTarget: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, fc.constant(true)),
});

const personRef = fc.option(fc.nat({ max: 15 }), { freq: 6 });

const itemArb: fc.Arbitrary<ItemSpec> = fc.record({
  type: fc.oneof({ arbitrary: fc.constant('action' as const), weight: 3 }, fc.constant('milestone' as const)),
  roadmap: fc.nat({ max: 7 }),
  fn: fc.nat({ max: 7 }),
  dueIn: fc.oneof(
    { arbitrary: fc.integer({ min: -21, max: 21 }), weight: 4 },
    { arbitrary: fc.integer({ min: -60, max: 45 }), weight: 2 },
    fc.integer({ min: -200, max: 120 }),
  ),
  status: fc.constantFrom('a_lancer', 'en_cours', 'bloquee', 'terminee', 'abandonnee'),
  achieved: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, fc.constant(true)),
  owner: personRef,
});

export const worldArb: fc.Arbitrary<WorldSpec> = fc
  .record({
    day: dayArb,
    people: fc.array(fc.record({ active: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, fc.constant(false)) }), {
      minLength: 1,
      maxLength: 8,
    }),
    roadmaps: fc.array(
      fc.record({ rules: rulesArb, lead: personRef, functionOwners: fc.array(personRef, { minLength: 1, maxLength: 4 }) }),
      { minLength: 1, maxLength: 3 },
    ),
    items: fc.array(itemArb, { minLength: 150, maxLength: 400 }),
    indicators: fc.array(indicatorArb, { minLength: 60, maxLength: 200 }),
  })
  .map((w) => Object.assign(w, { [fc.toStringMethod]: () => describeWorld(w) }));

export function describeWorld(w: WorldSpec): string {
  const actions = w.items.filter((i) => i.type === 'action').length;
  return `world(day ${w.day}, ${w.people.length} people, ${w.roadmaps.length} roadmaps, ${actions} actions, ${w.items.length - actions} milestones, ${w.indicators.length} indicators)`;
}

/** A person, a roadmap, a function and an item of a generated world, with their ids and labels (p0, r1, r1.f2, a17…). */
export interface Person extends ReminderParty {
  label: string;
}
export interface Roadmap {
  id: string;
  label: string;
  rules: ReminderRules;
  lead: Person | null;
  functions: Array<{ id: string; owner: Person | null }>;
}
export interface Item {
  id: string;
  label: string;
  spec: ItemSpec;
  roadmap: Roadmap;
  fn: { id: string; owner: Person | null };
  /** the item's own owner */
  owner: Person | null;
  due: IsoDate;
  title: string;
}
export interface Indicator {
  id: string;
  label: string;
  roadmap: Roadmap;
  fn: { id: string; owner: Person | null };
  baselineOn: IsoDate;
  targetOn: IsoDate;
  /** distinct days */
  measuredOn: IsoDate[];
  name: string;
}
export interface World {
  spec: WorldSpec;
  people: Person[];
  roadmaps: Roadmap[];
  items: Item[];
  indicators: Indicator[];
  labels: Map<string, string>;
}

export function materialize(spec: WorldSpec): World {
  const labels = new Map<string, string>();
  const named = (label: string) => {
    const id = randomUUID();
    labels.set(id, label);
    return id;
  };
  const people: Person[] = spec.people.map((p, i) => ({ id: named(`p${i}`), label: `p${i}`, active: p.active }));
  const person = (ref: number | null) => (ref === null ? null : people[ref % people.length]);
  const roadmaps: Roadmap[] = spec.roadmaps.map((r, i) => ({
    id: named(`r${i}`),
    label: `r${i}`,
    rules: r.rules,
    lead: person(r.lead),
    functions: r.functionOwners.map((o, j) => ({ id: named(`r${i}.f${j}`), owner: person(o) })),
  }));
  const items: Item[] = spec.items.map((s, i) => {
    const roadmap = roadmaps[s.roadmap % roadmaps.length];
    const label = `${s.type === 'action' ? 'a' : 'm'}${i}`;
    return {
      id: named(label),
      label,
      spec: s,
      roadmap,
      fn: roadmap.functions[s.fn % roadmap.functions.length],
      owner: person(s.owner),
      due: addDays(spec.day, s.dueIn),
      title: `${s.type === 'action' ? 'Action' : 'Jalon'} n° ${i} « l’été »`,
    };
  });
  const indicators: Indicator[] = spec.indicators.map((s, i) => {
    const roadmap = roadmaps[s.roadmap % roadmaps.length];
    const baselineOn = addDays(spec.day, s.baselineIn);
    return {
      id: named(`i${i}`),
      label: `i${i}`,
      roadmap,
      fn: roadmap.functions[s.fn % roadmap.functions.length],
      baselineOn,
      targetOn: addDays(baselineOn, s.span),
      measuredOn: [...new Set([...s.measuredAfter, ...(s.measuredAtTarget ? [s.span] : [])])].map((n) => addDays(baselineOn, n)),
      name: `Indicateur n° ${i} « l’été »`,
    };
  });
  return { spec, people, roadmaps, items, indicators, labels };
}

/** What the domain says falls due on the world's day: `remindersOn` and `reminderRecipient`, item by item. */
export function expectedReminders(world: World, tally?: Map<string, number>): DueReminder[] {
  const count = (what: string) => tally?.set(what, (tally.get(what) ?? 0) + 1);
  const out: DueReminder[] = [];
  for (const item of world.items) {
    const { roadmap, spec } = item;
    const open = spec.type === 'action' ? !['terminee', 'abandonnee'].includes(spec.status) : !spec.achieved;
    if (!open || (spec.type === 'milestone' && !roadmap.rules.milestones)) continue;
    const parties = { owner: item.owner, functionOwner: item.fn.owner, projectLead: roadmap.lead };
    for (const kind of remindersOn(item.due, world.spec.day, roadmap.rules)) {
      const accountId = reminderRecipient(kind, parties);
      count(accountId === null ? 'no active recipient' : `${spec.type} ${kind}`);
      if (kind !== 'escalation' && item.owner && !item.owner.active && accountId) count('inactive owner, function owner instead');
      if (accountId === null) continue;
      out.push({
        accountId,
        roadmapId: roadmap.id,
        itemType: spec.type,
        itemId: item.id,
        rule: kind,
        dueDate: item.due,
        daysLeft: daysBetween(world.spec.day, item.due),
        title: item.title,
      });
    }
  }
  for (const ind of world.indicators) {
    const { roadmap } = ind;
    const last = latestReading(
      ind.measuredOn.map((on) => ({ on, value: 0 })),
      world.spec.day,
    );
    if (
      last &&
      last.on >= ind.targetOn &&
      indicatorReminderOn({ ...ind, targetOn: addDays(last.on, 1) }, last.on, world.spec.day, roadmap.rules)
    )
      count('indicator measured at its target, else due');
    if (!indicatorReminderOn(ind, last?.on ?? null, world.spec.day, roadmap.rules)) continue;
    const accountId = indicatorReminderRecipient({ functionOwner: ind.fn.owner, projectLead: roadmap.lead });
    count(accountId === null ? 'indicator without active recipient' : last ? 'indicator stale' : 'indicator never measured');
    if (!ind.fn.owner?.active && accountId) count('indicator: no active function owner, project lead instead');
    if (accountId === null) continue;
    const dueDate = indicatorDueOn(ind, last?.on ?? null, roadmap.rules.indicatorStaleDays);
    out.push({
      accountId,
      roadmapId: roadmap.id,
      itemType: 'indicator',
      itemId: ind.id,
      rule: 'stale',
      dueDate,
      daysLeft: daysBetween(world.spec.day, dueDate),
      title: ind.name,
    });
  }
  return out;
}

/** Empties the tables a world is written to (and those that point at them). */
export async function clearWorld(db: TestDatabase): Promise<void> {
  await db.query('truncate account, roadmap cascade');
}

const PHASE = { start: '2000-01-01', end: '2099-12-31' };

/** Writes a world with one multi-row statement per table (arrays unnested on the server). */
export async function writeWorld(db: TestDatabase, w: World): Promise<void> {
  await db.query(
    `insert into account (id, created_at, updated_at, name, email, active)
     select id, now(), now(), 'Personne ' || label, label || '@parity.example', active from unnest($1::uuid[], $2::text[], $3::boolean[]) as t(id, label, active)`,
    [w.people.map((p) => p.id), w.people.map((p) => p.label), w.people.map((p) => p.active)],
  );
  await db.query(
    `insert into roadmap (id, created_at, updated_at, slug, territory, mandate_label, election_dates, next_election_date, start_date, end_date, kit_code, project_lead_id, reminder_rules)
     select id, now(), now(), slug, 'Territoire ' || slug, 'Mandat', '["2026-03-15"]', '2032-03-14', $4::date, $5::date, 'spld', lead, rules
       from unnest($1::uuid[], $2::text[], $3::uuid[], $6::jsonb[]) as t(id, slug, lead, rules)`,
    [
      w.roadmaps.map((r) => r.id),
      w.roadmaps.map((r) => r.label),
      w.roadmaps.map((r) => r.lead?.id ?? null),
      PHASE.start,
      PHASE.end,
      w.roadmaps.map((r) => JSON.stringify(r.rules)),
    ],
  );
  await db.query(
    `insert into phase (id, created_at, updated_at, roadmap_id, code, name, position, start_date, end_date)
     select gen_random_uuid(), now(), now(), id, 'mandat', 'Mandat', 1, $2::date, $3::date from unnest($1::uuid[]) as t(id)`,
    [w.roadmaps.map((r) => r.id), PHASE.start, PHASE.end],
  );
  const functions = w.roadmaps.flatMap((r) =>
    r.functions.map((f, i) => ({ id: f.id, owner: f.owner?.id ?? null, roadmapId: r.id, position: i + 1 })),
  );
  await db.query(
    `insert into target_function (id, created_at, updated_at, roadmap_id, code, name, family, volets, owner_id, color, position)
     select id, now(), now(), roadmap_id, 'f' || position, 'Fonction ' || position, 'socle', '[]', owner_id, '#1f3a68', position
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[]) as t(id, roadmap_id, owner_id, position)`,
    [functions.map((f) => f.id), functions.map((f) => f.roadmapId), functions.map((f) => f.owner), functions.map((f) => f.position)],
  );
  const actions = w.items.filter((i) => i.spec.type === 'action');
  await db.query(
    `insert into action (id, created_at, updated_at, roadmap_id, function_id, phase_id, title, start_date, due_date, status, progress, owner_id)
     select t.id, now(), now(), t.roadmap_id, t.function_id, p.id, t.title, t.due - 30, t.due, t.status, case when t.status = 'terminee' then 100 else 0 end, t.owner_id
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::text[], $7::uuid[]) as t(id, roadmap_id, function_id, title, due, status, owner_id)
       join phase p on p.roadmap_id = t.roadmap_id`,
    [
      actions.map((a) => a.id),
      actions.map((a) => a.roadmap.id),
      actions.map((a) => a.fn.id),
      actions.map((a) => a.title),
      actions.map((a) => a.due),
      actions.map((a) => a.spec.status),
      actions.map((a) => a.owner?.id ?? null),
    ],
  );
  const milestones = w.items.filter((i) => i.spec.type === 'milestone');
  await db.query(
    `insert into milestone (id, created_at, updated_at, roadmap_id, function_id, phase_id, title, milestone_date, achieved_on, owner_id)
     select t.id, now(), now(), t.roadmap_id, t.function_id, p.id, t.title, t.due, case when t.open then null else least(t.due, $7::date) end, t.owner_id
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::boolean[], $8::uuid[]) as t(id, roadmap_id, function_id, title, due, open, owner_id)
       join phase p on p.roadmap_id = t.roadmap_id`,
    [
      milestones.map((m) => m.id),
      milestones.map((m) => m.roadmap.id),
      milestones.map((m) => m.fn.id),
      milestones.map((m) => m.title),
      milestones.map((m) => m.due),
      milestones.map((m) => !m.spec.achieved),
      w.spec.day,
      milestones.map((m) => m.owner?.id ?? null),
    ],
  );
  await writeIndicators(db, w);
}

/** Writes a world's indicators (a line from 0 to 100) and their measurements. */
async function writeIndicators(db: TestDatabase, w: World): Promise<void> {
  await db.query(
    `insert into indicator (id, function_id, name, unit, direction, baseline_on, baseline_value, target_on, target_value)
     select id, function_id, name, '%', 'up', baseline_on, 0, target_on, 100
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::date[]) as t(id, function_id, name, baseline_on, target_on)`,
    [
      w.indicators.map((i) => i.id),
      w.indicators.map((i) => i.fn.id),
      w.indicators.map((i) => i.name),
      w.indicators.map((i) => i.baselineOn),
      w.indicators.map((i) => i.targetOn),
    ],
  );
  const measurements = w.indicators.flatMap((i) => i.measuredOn.map((on) => ({ id: i.id, on })));
  await db.query(
    `insert into measurement (indicator_id, measured_on, value) select id, on_day, 50 from unnest($1::uuid[], $2::date[]) as t(id, on_day)`,
    [measurements.map((m) => m.id), measurements.map((m) => m.on)],
  );
}

/** One reminder in words, with labels instead of ids: `a17 overdue → p2 (action en_cours, due 2027-03-21, 7 d late; r0 rules {...})`. */
export function describeReminder(w: World, r: DueReminder): string {
  const label = (id: string) => w.labels.get(id) ?? id;
  const item = w.items.find((i) => i.id === r.itemId);
  const roadmap = w.roadmaps.find((x) => x.id === r.roadmapId);
  const when = r.daysLeft > 0 ? `${r.daysLeft} d before` : r.daysLeft === 0 ? 'due that day' : `${-r.daysLeft} d late`;
  const who = w.people.find((p) => p.id === r.accountId);
  const ind = w.indicators.find((i) => i.id === r.itemId);
  if (ind) {
    return (
      `${ind.label} stale → ${label(r.accountId)}${who && !who.active ? ' (inactive)' : ''} (indicator ${ind.baselineOn}→${ind.targetOn}, ` +
      `measured [${ind.measuredOn.join(', ')}], due ${r.dueDate}, ${when}; ${label(r.roadmapId)} rules ${JSON.stringify(roadmap?.rules)})`
    );
  }
  return (
    `${label(r.itemId)} ${r.rule} → ${label(r.accountId)}${who && !who.active ? ' (inactive)' : ''} ` +
    `(${r.itemType}${item ? ` ${item.spec.type === 'action' ? item.spec.status : item.spec.achieved ? 'achieved' : 'open'}` : ''}, due ${r.dueDate}, ${when}; ${label(r.roadmapId)} rules ${JSON.stringify(roadmap?.rules)})`
  );
}

/** A reminder as one comparable string (every field the job uses). */
export const reminderKey = (r: DueReminder) =>
  [r.accountId, r.roadmapId, r.itemType, r.itemId, r.rule, r.dueDate, r.daysLeft, r.title].join('|');
