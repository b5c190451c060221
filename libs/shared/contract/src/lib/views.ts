import type {
  ActionStatus,
  CentralVolet,
  FunctionFamily,
  Health,
  IsoDate,
  MilestoneState,
  PhaseCode,
  RollUp,
} from '@jalons/domain';

/** Response shapes of the API. Dates of items are calendar days ('YYYY-MM-DD'); instants are ISO 8601 UTC. */

export interface PersonView {
  id: string;
  name: string;
  email: string;
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
}

export interface PhaseView {
  id: string;
  code: PhaseCode;
  name: string;
  description: string;
  order: number;
  start: IsoDate;
  end: IsoDate;
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
  version: number;
  state: MilestoneState;
  updatedAt: string;
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
}

/** Everything a Gantt needs, in one call. */
export interface ChronogramView {
  roadmap: RoadmapDetailView;
  /** the functions shown (all, or the one asked for) with their roll-ups */
  functions: FunctionWithRollUpView[];
  actions: ActionView[];
  milestones: MilestoneView[];
  dependencies: DependencyView[];
  persons: PersonView[];
}

export interface HealthView {
  status: 'ok';
  database: 'up';
  version: string;
}
