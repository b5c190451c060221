import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';
import type { DecisionKind, IsoDate } from '@jalons/domain';

/** What writing the governance reads of a roadmap's plan (instantiate.ts's RoadmapPlan has it; named here so this file does not import the planner that imports it). */
interface GovernanceTarget {
  roadmap: { id: string };
  actions: ReadonlyArray<{ id: string; kitKey: string }>;
  milestones: ReadonlyArray<{ id: string; kitKey: string }>;
  governance?: GovernancePlan;
}

/*
 * The governance part of a roadmap file (docs/governance.md, ADR 0019): the instances, and the
 * meetings with their attendees, agenda and decisions. Both keys are optional.
 */

export interface SeedInstance {
  /** how the file's meetings name it */
  key: string;
  name: string;
  description?: string | null;
}

/** A person of the file (its key) or a free name. */
export type SeedAttendee = { person: string } | { name: string };

export interface SeedDecision {
  kind: DecisionKind;
  /** the meeting's day when omitted */
  date?: IsoDate;
  text: string;
  /** kit keys of actions and milestones */
  items?: string[];
}

export interface SeedMeeting {
  instance: string;
  date: IsoDate;
  title?: string | null;
  attendees?: SeedAttendee[];
  agenda?: Array<{ label: string; item?: string }>;
  minutes?: string | null;
  decisions?: SeedDecision[];
}

export interface GovernanceSeed {
  instances?: SeedInstance[];
  meetings?: SeedMeeting[];
}

/** What the governance part may refer to: the kit's action and milestone keys, the file's person keys. */
export interface GovernanceRefs {
  actionKeys: ReadonlySet<string>;
  milestoneKeys: ReadonlySet<string>;
  personKeys: ReadonlySet<string>;
}

export interface GovernanceProblem {
  path: string;
  problem: string;
}

function meetingProblems(m: SeedMeeting, at: string, instances: ReadonlySet<string>, refs: GovernanceRefs): GovernanceProblem[] {
  const problems: GovernanceProblem[] = [];
  const isItem = (k: string) => refs.actionKeys.has(k) || refs.milestoneKeys.has(k);
  if (!instances.has(m.instance)) problems.push({ path: `${at}/instance`, problem: `unknown instance "${m.instance}"` });
  (m.attendees ?? []).forEach((a, j) => {
    if ('person' in a && !refs.personKeys.has(a.person))
      problems.push({ path: `${at}/attendees/${j}/person`, problem: `unknown person "${a.person}"` });
  });
  (m.agenda ?? []).forEach((g, j) => {
    if (g.item !== undefined && !isItem(g.item))
      problems.push({ path: `${at}/agenda/${j}/item`, problem: `no action or milestone "${g.item}" in the kit` });
  });
  (m.decisions ?? []).forEach((d, j) => {
    (d.items ?? []).forEach((k, n) => {
      if (!isItem(k)) problems.push({ path: `${at}/decisions/${j}/items/${n}`, problem: `no action or milestone "${k}" in the kit` });
    });
  });
  return problems;
}

/**
 * The rules of the governance part that a JSON Schema cannot say: instance keys and names unique
 * (names ignoring case), every meeting's instance one of the file's, every attendee person one of
 * the file's, every agenda item and decision item an action or a milestone of the kit.
 */
export function governanceProblems(file: GovernanceSeed, refs: GovernanceRefs): GovernanceProblem[] {
  const problems: GovernanceProblem[] = [];
  const keys = new Set<string>();
  const names = new Set<string>();
  (file.instances ?? []).forEach((i, n) => {
    if (keys.has(i.key)) problems.push({ path: `/instances/${n}/key`, problem: `instance key "${i.key}" is used twice` });
    const name = i.name.trim().toLocaleLowerCase('fr');
    if (names.has(name)) problems.push({ path: `/instances/${n}/name`, problem: `instance "${i.name}" is listed twice` });
    keys.add(i.key);
    names.add(name);
  });
  (file.meetings ?? []).forEach((m, n) => problems.push(...meetingProblems(m, `/meetings/${n}`, keys, refs)));
  return problems;
}

/** The governance part of a plan: the file's lists, and the e-mail of each person key (an attendee's account is found by it). */
export interface GovernancePlan extends Required<GovernanceSeed> {
  emails: Record<string, string>;
}

/** The governance part a roadmap file carries (empty lists when it has none). */
export function governanceOf(file: GovernanceSeed & { persons: ReadonlyArray<{ key: string; email: string }> }): GovernancePlan {
  return {
    instances: file.instances ?? [],
    meetings: file.meetings ?? [],
    emails: Object.fromEntries(file.persons.map((p) => [p.key, p.email])),
  };
}

/** Rows as one statement per table writes them (jsonb_to_recordset). */
interface Rows {
  instances: Array<{ id: string; name: string; description: string | null }>;
  meetings: Array<{ id: string; instance_id: string; date: IsoDate; title: string | null; minutes: string | null }>;
  attendees: Array<{ meeting_id: string; position: number; email: string | null; name: string }>;
  agenda: Array<{ meeting_id: string; position: number; label: string; action_id: string | null; milestone_id: string | null }>;
  decisions: Array<{ id: string; meeting_id: string; date: IsoDate; kind: DecisionKind; text: string }>;
  decisionItems: Array<{ decision_id: string; action_id: string | null; milestone_id: string | null }>;
}

function fail(what: string): never {
  throw new Error(`The roadmap file's governance names ${what}`);
}

/** The rows of the file's governance, with the plan's ids; throws on a reference the loader should have refused. */
function governanceRows(plan: GovernanceTarget, seed: GovernancePlan): Rows {
  const actions = new Map(plan.actions.map((a) => [a.kitKey, a.id]));
  const milestones = new Map(plan.milestones.map((m) => [m.kitKey, m.id]));
  const item = (k: string) => {
    if (!actions.has(k) && !milestones.has(k)) fail(`an unknown action or milestone "${k}"`);
    return { action_id: actions.get(k) ?? null, milestone_id: milestones.get(k) ?? null };
  };
  const instances = seed.instances.map((i) => ({
    key: i.key,
    id: randomUUID(),
    name: i.name.trim(),
    description: i.description?.trim() || null,
  }));
  const instanceIds = new Map(instances.map((i) => [i.key, i.id]));
  const rows: Rows = {
    instances: instances.map(({ id, name, description }) => ({ id, name, description })),
    meetings: [],
    attendees: [],
    agenda: [],
    decisions: [],
    decisionItems: [],
  };
  for (const m of seed.meetings) {
    const id = randomUUID();
    const instanceId = instanceIds.get(m.instance) ?? fail(`an unknown instance "${m.instance}"`);
    rows.meetings.push({ id, instance_id: instanceId, date: m.date, title: m.title?.trim() || null, minutes: m.minutes?.trim() || null });
    (m.attendees ?? []).forEach((a, i) => {
      const email = 'person' in a ? (seed.emails[a.person] ?? fail(`an unknown person "${a.person}"`)) : null;
      rows.attendees.push({ meeting_id: id, position: i + 1, email, name: 'name' in a ? a.name.trim() : '' });
    });
    (m.agenda ?? []).forEach((g, i) => {
      const linked = g.item ? item(g.item) : { action_id: null, milestone_id: null };
      rows.agenda.push({ meeting_id: id, position: i + 1, label: g.label.trim(), ...linked });
    });
    for (const d of m.decisions ?? []) {
      const decisionId = randomUUID();
      rows.decisions.push({ id: decisionId, meeting_id: id, date: d.date ?? m.date, kind: d.kind, text: d.text.trim() });
      for (const k of new Set(d.items ?? [])) rows.decisionItems.push({ decision_id: decisionId, ...item(k) });
    }
  }
  return rows;
}

const INSERTS = {
  instances: `insert into governance_instance (id, roadmap_id, name, description)
    select x.id, ?, x.name, x.description from jsonb_to_recordset(?::jsonb) as x(id uuid, name text, description text)`,
  meetings: `insert into meeting (id, roadmap_id, instance_id, date, title, minutes)
    select x.id, ?, x.instance_id, x.date, x.title, x.minutes
      from jsonb_to_recordset(?::jsonb) as x(id uuid, instance_id uuid, date date, title text, minutes text)`,
  // an account's attendee by its e-mail (the account the roadmap's write made or found), its name copied
  attendees: `insert into meeting_attendee (meeting_id, position, account_id, name)
    select x.meeting_id, x.position, a.id, coalesce(a.name, x.name)
      from jsonb_to_recordset(?::jsonb) as x(meeting_id uuid, position int, email text, name text)
      left join account a on lower(a.email) = lower(x.email)`,
  agenda: `insert into agenda_item (meeting_id, position, label, action_id, milestone_id)
    select x.meeting_id, x.position, x.label, x.action_id, x.milestone_id
      from jsonb_to_recordset(?::jsonb) as x(meeting_id uuid, position int, label text, action_id uuid, milestone_id uuid)`,
  decisions: `insert into decision (id, roadmap_id, meeting_id, date, kind, text)
    select x.id, ?, x.meeting_id, x.date, x.kind, x.text
      from jsonb_to_recordset(?::jsonb) as x(id uuid, meeting_id uuid, date date, kind text, text text)`,
  decisionItems: `insert into decision_item (decision_id, action_id, milestone_id)
    select x.decision_id, x.action_id, x.milestone_id from jsonb_to_recordset(?::jsonb) as x(decision_id uuid, action_id uuid, milestone_id uuid)`,
} as const;

/**
 * Writes the governance a roadmap file carries (its instances, meetings with their attendees, agenda
 * and decisions) once the roadmap, its accounts and its items are flushed, in the same transaction:
 * one statement per table. The file was checked by `loadRoadmapFile`; a reference it missed still
 * stops the write with the name it could not find.
 */
export async function writeGovernance(tx: EntityManager, plan: GovernanceTarget): Promise<void> {
  const seed = plan.governance;
  if (!seed || (!seed.instances.length && !seed.meetings.length)) return;
  const rows = governanceRows(plan, seed);
  const roadmapId = plan.roadmap.id;
  const run = (query: string, params: unknown[]) => tx.execute(query, params as never[]);
  if (rows.instances.length) await run(INSERTS.instances, [roadmapId, JSON.stringify(rows.instances)]);
  if (rows.meetings.length) await run(INSERTS.meetings, [roadmapId, JSON.stringify(rows.meetings)]);
  if (rows.attendees.length) await run(INSERTS.attendees, [JSON.stringify(rows.attendees)]);
  if (rows.agenda.length) await run(INSERTS.agenda, [JSON.stringify(rows.agenda)]);
  if (rows.decisions.length) await run(INSERTS.decisions, [roadmapId, JSON.stringify(rows.decisions)]);
  if (rows.decisionItems.length) await run(INSERTS.decisionItems, [JSON.stringify(rows.decisionItems)]);
}
