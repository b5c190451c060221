import { CENTRAL_VOLETS } from '@jalons/domain';
import type { ActionStatus, CentralVolet, DaySpan, IsoDate } from '@jalons/domain';

import { cellText, fold } from './cells';
import type { Cell, Parsed } from './cells';

/** What the plan is computed against: the roadmap as stored when the import runs (rows locked when it applies). */
export interface ImportState {
  roadmap: DaySpan & { id: string };
  today: IsoDate;
  phases: PhaseState[];
  functions: FunctionState[];
  persons: PersonState[];
  actions: ActionState[];
  milestones: MilestoneState[];
}

export interface PhaseState extends DaySpan {
  id: string;
  name: string;
}

export interface FunctionState {
  id: string;
  code: string;
  name: string;
  central: boolean;
  volets: { code: CentralVolet; name: string }[];
  ownerId: string | null;
}

export interface PersonState {
  id: string;
  name: string;
  email: string;
  active: boolean;
}

export interface ActionFields {
  functionId: string;
  phaseId: string;
  title: string;
  description: string;
  volet: CentralVolet | null;
  start: IsoDate;
  due: IsoDate;
  status: ActionStatus;
  progress: number;
  ownerId: string | null;
}

export interface ActionState extends ActionFields {
  id: string;
  version: number;
  predecessorIds: string[];
}

export interface MilestoneFields {
  functionId: string;
  phaseId: string;
  title: string;
  description: string;
  date: IsoDate;
  achievedOn: IsoDate | null;
  ownerId: string | null;
}

export interface MilestoneState extends MilestoneFields {
  id: string;
  version: number;
}

/** Names → ids for the references a row writes as text: functions, persons, volets. */
export class Lookups {
  private readonly fnByName = new Map<string, FunctionState>();
  private readonly personsByName = new Map<string, PersonState[]>();
  private readonly personsByEmail = new Map<string, PersonState>();
  readonly fnById: Map<string, FunctionState>;
  readonly personById: Map<string, PersonState>;
  readonly phaseById: Map<string, PhaseState>;
  readonly actionById: Map<string, ActionState>;
  readonly milestoneById: Map<string, MilestoneState>;

  constructor(readonly state: ImportState) {
    for (const f of state.functions) this.fnByName.set(fold(f.code), f).set(fold(f.name), f);
    for (const p of state.persons) {
      this.personsByEmail.set(fold(p.email), p);
      this.personsByName.set(fold(p.name), [...(this.personsByName.get(fold(p.name)) ?? []), p]);
    }
    this.fnById = new Map(state.functions.map((f) => [f.id, f]));
    this.personById = new Map(state.persons.map((p) => [p.id, p]));
    this.phaseById = new Map(state.phases.map((p) => [p.id, p]));
    this.actionById = new Map(state.actions.map((a) => [a.id, a]));
    this.milestoneById = new Map(state.milestones.map((m) => [m.id, m]));
  }

  /** A function by its name or its code. */
  fn(cell: Cell): Parsed<FunctionState> {
    const text = cellText(cell);
    const f = this.fnByName.get(fold(text));
    if (f) return { value: f };
    return { error: text ? `La fonction « ${text} » n’existe pas dans cette feuille de route.` : 'La fonction est vide.' };
  }

  /** A person by e-mail or by name (a name two accounts share must be written as the e-mail); empty = nobody. */
  person(cell: Cell): Parsed<PersonState | null> {
    const text = cellText(cell);
    if (!text) return { value: null };
    const byEmail = this.personsByEmail.get(fold(text));
    if (byEmail) return { value: byEmail };
    const named = this.personsByName.get(fold(text)) ?? [];
    if (named.length === 1) return { value: named[0] };
    if (named.length > 1) return { error: `Plusieurs comptes s’appellent « ${text} » : écrivez l’e-mail de la personne.` };
    return { error: `Personne ne s’appelle « ${text} » parmi les comptes de Jalons (écrivez son nom ou son e-mail).` };
  }

  /** A volet by its code or the central function's name for it; empty = none. */
  volet(cell: Cell, fn: FunctionState | undefined): Parsed<CentralVolet | null> {
    const text = cellText(cell);
    if (!text) return { value: null };
    const key = fold(text);
    const code = CENTRAL_VOLETS.find((v) => v === key) ?? fn?.volets.find((v) => fold(v.name) === key)?.code;
    return code ? { value: code } : { error: `Le volet « ${text} » n’existe pas : écrivez ${CENTRAL_VOLETS.join(', ')}.` };
  }
}
