import type {
  ActionStatus,
  CentralVolet,
  DecisionKind,
  FunctionFamily,
  Health,
  IsoDate,
  MilestoneState,
  PhaseCode,
  Provenance,
  ReminderRules,
  RollUp,
} from '@jalons/domain';

/** Response shapes of the API. Dates of items are calendar days ('YYYY-MM-DD'); instants are ISO 8601 UTC. */

/** A person named by a view: an owner, a project lead, the author of a change. */
export interface PersonView {
  id: string;
  name: string;
  /** for the administrator, the project lead and the function owners; never sent to an elected official (issue #16) */
  email?: string;
}

export interface RoadmapSummaryView {
  id: string;
  slug: string;
  territory: string;
  mandateLabel: string;
  electionDates: IsoDate[];
  nextElectionDate: IsoDate;
  start: IsoDate;
  end: IsoDate;
  projectLead: PersonView | null;
  /** whether the public page (GET /api/public/roadmaps/:slug) is on */
  publicPage: boolean;
  /** the sites allowed to show its widget (/public/<slug>/encart) in a frame, as origins; not personal */
  embedOrigins: string[];
  /** the roadmap's settings version (PATCH /api/roadmaps/:id/settings) */
  version: number;
  /** when owners are reminded of due dates */
  reminderRules: ReminderRules;
  /** when its mandate was closed (ISO instant; POST /api/roadmaps/:id/carry-over with close); always sent, null while open */
  closedAt?: string | null;
}

export interface PhaseView {
  id: string;
  code: PhaseCode;
  name: string;
  description: string;
  order: number;
  start: IsoDate;
  end: IsoDate;
  /** the « why » of the phase, from the kit (docs/kit.md); always sent, null for a phase the kit gave none */
  purpose?: string | null;
}

export interface PhaseWithRollUpView extends PhaseView {
  rollUp: RollUp;
  milestones: MilestoneCounts;
}

export interface MilestoneCounts {
  total: number;
  achieved: number;
  late: number;
}

export interface VoletView {
  code: CentralVolet;
  name: string;
  description: string;
}

export interface FunctionView {
  id: string;
  code: string;
  name: string;
  family: FunctionFamily;
  central: boolean;
  description: string;
  /** the central function's three strands; empty for the ten others */
  volets: VoletView[];
  owner: PersonView | null;
  color: string;
  order: number;
  /** the function's version, sent back with its changes (PATCH /api/roadmaps/:id/functions/:functionId); always sent */
  version?: number;
}

export interface FunctionWithRollUpView extends FunctionView {
  rollUp: RollUp;
  /** roll-up of this function's actions in each phase, by phase id */
  byPhase: Record<string, RollUp>;
  milestones: MilestoneCounts;
}

export interface RoadmapDetailView extends RoadmapSummaryView {
  /** the reference day the roll-ups and health were computed for (today in Europe/Paris unless asked) */
  at: IsoDate;
  /** the phase containing `at`, if any */
  currentPhaseId: string | null;
  phases: PhaseWithRollUpView[];
  rollUp: RollUp;
  milestones: MilestoneCounts;
}

/** Where a kit item comes from (docs/kit.md): the study, another territory's practice (`reference` names it), an example to adapt. */
export interface ProvenanceView {
  kind: Provenance;
  reference: string | null;
}

export interface ActionView {
  id: string;
  roadmapId: string;
  functionId: string;
  phaseId: string;
  kitKey: string | null;
  title: string;
  description: string;
  volet: CentralVolet | null;
  start: IsoDate;
  due: IsoDate;
  status: ActionStatus;
  progress: number;
  owner: PersonView | null;
  predecessorIds: string[];
  version: number;
  /** computed for the reference day */
  expected: number;
  health: Health | null;
  overdue: boolean;
  updatedAt: string;
  /** the item it was carried over from (ADR 0013); always sent, null when none */
  carriedFrom?: CarriedFromView | null;
  /** where it comes from; always sent, null when it was added in the app */
  provenance?: ProvenanceView | null;
}

export interface MilestoneView {
  id: string;
  roadmapId: string;
  functionId: string;
  phaseId: string;
  kitKey: string | null;
  title: string;
  description: string;
  date: IsoDate;
  achievedOn: IsoDate | null;
  owner: PersonView | null;
  version: number;
  state: MilestoneState;
  updatedAt: string;
  /** the item it was carried over from (ADR 0013); always sent, null when none */
  carriedFrom?: CarriedFromView | null;
  /** where it comes from; always sent, null when it was added in the app */
  provenance?: ProvenanceView | null;
}

/** Where a carried item comes from, shown on the copy (« Reprise de : … »); null when the origin was deleted. */
export interface CarriedFromView {
  roadmapId: string;
  slug: string;
  id: string;
  title: string;
}

export interface DependencyView {
  predecessorId: string;
  successorId: string;
}

export interface HistoryEntryView {
  id: string;
  itemType: 'action' | 'milestone';
  itemId: string;
  /** null until accounts exist, or for changes made by the seed */
  actor: PersonView | null;
  at: string;
  field: string;
  from: string | null;
  to: string | null;
  comment: string | null;
  /** why an item of the latest baseline was re-planned (always sent by the API, null when none) */
  reason?: string | null;
  /** the governance decision the re-plan cites (always sent by the API, null when none) */
  decision?: { id: string; date: IsoDate; kind: DecisionKind; text: string } | null;
}

/**
 * An action as the Gantt draws it: no description (GET /api/actions/:id has it), the owner by id
 * (in `persons`). Its own expected progress, health and lateness are computed by the client with
 * the domain library (`expectedProgress`, `itemHealth`, `isOverdue`) for `roadmap.at`: the same
 * code as the server's roll-ups, and a chronogram of thousands of bars stays light
 * (docs/adr/0004-chronogram-read-path.md).
 */
export type ChronogramActionView = Omit<
  ActionView,
  'roadmapId' | 'kitKey' | 'description' | 'owner' | 'updatedAt' | 'expected' | 'overdue' | 'health' | 'carriedFrom'
> & {
  ownerId: string | null;
};

/** A milestone as the Gantt draws it: its owner by id (in `persons`), like a bar's. */
export type ChronogramMilestoneView = ChronogramMilestoneFields & { ownerId: string | null };
type ChronogramMilestoneFields = Omit<MilestoneView, 'roadmapId' | 'kitKey' | 'description' | 'owner' | 'updatedAt' | 'carriedFrom'>;

/** A line of a roadmap's recent changes, with the title of the item it concerns. */
export interface RecentChangeView extends HistoryEntryView {
  /** the action's or milestone's current title; the title it had when it was deleted, or null */
  itemTitle: string | null;
}

/** Everything a Gantt needs, in one call. */
export interface ChronogramView {
  roadmap: RoadmapDetailView;
  /** the functions shown (all, or the one asked for) with their roll-ups */
  functions: FunctionWithRollUpView[];
  actions: ChronogramActionView[];
  milestones: ChronogramMilestoneView[];
  dependencies: DependencyView[];
  /** everyone named in the chronogram: the project lead, function and action owners */
  persons: PersonView[];
  /** only with `?baseline=`: that baseline's dates of the shown items, for ghost bars and diamonds (ADR 0017) */
  baseline?: ChronogramBaselineView;
}

/** A baseline's dates as the chronogram draws them beneath the current ones. */
export interface ChronogramBaselineView {
  id: string;
  number: number;
  label: string;
  decision: string | null;
  /** the items of the baseline in the shown function (as frozen) or shown now; deleted ones too */
  items: Array<{ type: 'action' | 'milestone'; id: string; title: string; start: IsoDate | null; due: IsoDate }>;
}

export interface HealthView {
  status: 'ok';
  database: 'up';
  version: string;
}
