import { randomUUID } from 'node:crypto';

import { checkActionDates, checkMilestoneDate, checkPhases, checkStatusProgress, phaseAt, relativeDay, relativeSpan } from '@jalons/domain';
import type { ActionStatus, CentralVolet, DaySpan, FunctionFamily, IsoDate, PhaseCode, Provenance } from '@jalons/domain';

import { registerOf } from './register-seed';
import type { RegisterSeed } from './register-seed';
import type { KitAction, KitFile, KitFunction, KitMilestone, RoadmapFile } from './seed-files';
import { historyOf } from './write-history';
import type { PlannedHistory } from './write-history';
import { governanceOf } from './write-governance';
import type { GovernancePlan } from './write-governance';

/** Everything to write for one roadmap, ids included: computed without touching the database. */
export interface RoadmapPlan {
  roadmap: {
    id: string;
    slug: string;
    territory: string;
    mandateLabel: string;
    electionDates: IsoDate[];
    nextElectionDate: IsoDate;
    start: IsoDate;
    end: IsoDate;
    kitCode: string;
    projectLeadEmail: string | null;
  };
  persons: Array<{ name: string; email: string; role: 'lead' | 'owner' | 'elected' }>;
  phases: Array<{
    id: string;
    code: PhaseCode;
    name: string;
    description: string;
    purpose: string;
    order: number;
    start: IsoDate;
    end: IsoDate;
  }>;
  functions: Array<{
    id: string;
    code: string;
    name: string;
    family: FunctionFamily;
    central: boolean;
    description: string;
    volets: Array<{ code: CentralVolet; name: string; description: string }>;
    color: string;
    order: number;
    ownerEmail: string | null;
  }>;
  actions: Array<{
    id: string;
    functionId: string;
    phaseId: string;
    kitKey: string;
    title: string;
    description: string;
    volet: CentralVolet | null;
    start: IsoDate;
    due: IsoDate;
    status: ActionStatus;
    progress: number;
    ownerEmail: string | null;
    comment: string | null;
    provenance: Provenance;
    provenanceRef: string | null;
  }>;
  milestones: Array<{
    id: string;
    functionId: string;
    phaseId: string;
    kitKey: string;
    title: string;
    description: string;
    date: IsoDate;
    achievedOn: IsoDate | null;
    provenance: Provenance;
    provenanceRef: string | null;
  }>;
  dependencies: Array<{ predecessorId: string; successorId: string }>;
  /** the file's register (actors, action targets, indicators), written by `writeDiagnostic` */
  register?: Required<RegisterSeed>;
  /** the file's dated updates of its items, written by `writeHistory` */
  history?: PlannedHistory;
  /** the file's instances and meetings, written by `writeGovernance` */
  governance?: GovernancePlan;
}

export class PlanError extends Error {}

type Planned<K extends 'phases' | 'functions' | 'actions' | 'milestones'> = RoadmapPlan[K][number];

/** What placing one item needs: the calendar, who is who, and the list of problems found so far. */
interface Placing {
  file: RoadmapFile;
  span: DaySpan;
  phases: RoadmapPlan['phases'];
  phaseByCode: Map<PhaseCode, Planned<'phases'>>;
  email: (key: string | undefined) => string | null;
  problems: string[];
}

function planPhases(kit: KitFile, file: RoadmapFile): RoadmapPlan['phases'] {
  return kit.phases.map((p, i) => ({
    id: randomUUID(),
    code: p.code,
    name: p.name,
    description: p.description,
    purpose: p.purpose,
    order: i + 1,
    start: file.phases[p.code].start,
    end: file.phases[p.code].end,
  }));
}

function planFunction(f: KitFunction, order: number, at: Placing): Planned<'functions'> {
  return {
    id: randomUUID(),
    code: f.code,
    name: f.name,
    family: f.family,
    central: f.central,
    description: f.description,
    volets: f.volets ?? [],
    color: f.color.toLowerCase(),
    order,
    ownerEmail: at.email(at.file.functionOwners?.[f.code]),
  };
}

/** An action on the calendar, its state from the roadmap file; its broken rules go to `at.problems`. */
function planAction(a: KitAction, fn: Planned<'functions'>, at: Placing): Planned<'actions'> {
  const dates = relativeSpan(at.phaseByCode.get(a.phase)!, a.months[0], a.months[1]);
  const state = at.file.items?.[a.key];
  const s = state && 'status' in state ? state : undefined;
  const status = s?.status ?? 'a_lancer';
  const progress = s?.progress ?? 0;
  for (const v of [...checkActionDates(at.span, { start: dates.start, due: dates.end }), ...checkStatusProgress(status, progress)]) {
    at.problems.push(`${a.key}.${v.field}: ${v.message}`);
  }
  return {
    id: randomUUID(),
    functionId: fn.id,
    // an item placed outside every phase (a problem reported below) stays in its kit phase
    phaseId: (phaseAt(at.phases, dates.start) ?? at.phaseByCode.get(a.phase)!).id,
    kitKey: a.key,
    title: a.title,
    description: a.description,
    volet: a.volet ?? null,
    start: dates.start,
    due: dates.end,
    status,
    progress,
    ownerEmail: at.email(s?.owner) ?? fn.ownerEmail,
    comment: s?.comment ?? null,
    provenance: a.provenance,
    provenanceRef: a.reference ?? null,
  };
}

/** A milestone on the calendar, achieved or not from the roadmap file; its broken rules go to `at.problems`. */
function planMilestone(m: KitMilestone, fn: Planned<'functions'>, at: Placing): Planned<'milestones'> {
  const date = relativeDay(at.phaseByCode.get(m.phase)!, m.month);
  const state = at.file.items?.[m.key];
  for (const v of checkMilestoneDate(at.span, date)) at.problems.push(`${m.key}.${v.field}: ${v.message}`);
  return {
    id: randomUUID(),
    functionId: fn.id,
    phaseId: (phaseAt(at.phases, date) ?? at.phaseByCode.get(m.phase)!).id,
    kitKey: m.key,
    title: m.title,
    description: m.description,
    date,
    achievedOn: state && 'achievedOn' in state ? state.achievedOn : null,
    provenance: m.provenance,
    provenanceRef: m.reference ?? null,
  };
}

/** Places the kit on the roadmap's calendar; throws a `PlanError` listing the items that break a rule (outside the mandate…). */
export function instantiate(kit: KitFile, file: RoadmapFile): RoadmapPlan {
  const { plan, problems } = placeKit(kit, file);
  if (problems.length) throw new PlanError(`Roadmap "${file.slug}" cannot be built: ${problems.join('; ')}`);
  return plan;
}

/** Places the kit on the roadmap's calendar: relative months become days, keys become ids; the broken rules come as `problems`. */
export function placeKit(kit: KitFile, file: RoadmapFile): { plan: RoadmapPlan; problems: string[] } {
  const phases = planPhases(kit, file);
  const span: DaySpan = { start: phases[0].start, end: phases[phases.length - 1].end };
  const at: Placing = {
    file,
    span,
    phases,
    phaseByCode: new Map(phases.map((p) => [p.code, p])),
    email: (key) => (key ? (file.persons.find((p) => p.key === key)?.email ?? null) : null),
    problems: checkPhases(span, phases).map((v) => `${v.field}: ${v.message}`),
  };
  const functions = kit.functions.map((f, i) => planFunction(f, i, at));
  const actions: RoadmapPlan['actions'] = [];
  const milestones: RoadmapPlan['milestones'] = [];
  kit.functions.forEach((f, i) => {
    actions.push(...f.actions.map((a) => planAction(a, functions[i], at)));
    milestones.push(...f.milestones.map((m) => planMilestone(m, functions[i], at)));
  });
  const actionIds = new Map(actions.map((a) => [a.kitKey, a.id]));
  const dependencies = kit.functions.flatMap((f) =>
    f.actions.flatMap((a) => (a.predecessors ?? []).map((p) => ({ predecessorId: actionIds.get(p)!, successorId: actionIds.get(a.key)! }))),
  );
  const plan: RoadmapPlan = {
    roadmap: {
      id: randomUUID(),
      slug: file.slug,
      territory: file.territory,
      mandateLabel: file.mandateLabel,
      electionDates: file.electionDates,
      nextElectionDate: file.nextElectionDate,
      start: span.start,
      end: span.end,
      kitCode: kit.code,
      projectLeadEmail: at.email(file.projectLead),
    },
    persons: file.persons.map((p) => ({ name: p.name, email: p.email, role: p.role ?? (p.key === file.projectLead ? 'lead' : 'owner') })),
    phases,
    functions,
    actions,
    milestones,
    dependencies,
    register: registerOf(file),
    history: historyOf(file),
    governance: governanceOf(file),
  };
  return { plan, problems: at.problems };
}
