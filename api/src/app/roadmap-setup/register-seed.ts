import type { ActorGroup, ActorKind, ActorNeed, AssessmentAxis, DataType, IndicatorDirection, IsoDate } from '@jalons/domain';

/*
 * The diagnostic's part of a roadmap file (docs/kit.md, « The register »): the actors with their dated
 * assessments, the actors each action targets, and each function's indicators with their measurements.
 * All three are optional: a roadmap made from the kit alone has none.
 */

export interface SeedAssessment {
  on: IsoDate;
  maturity: number;
  ambition: number;
  axes?: Partial<Record<AssessmentAxis, { maturity: number; ambition: number }>>;
  assessedBy: string;
  comment?: string | null;
}

export interface SeedActor {
  name: string;
  kind: ActorKind;
  /** for the file's readers (what is fictional); not loaded */
  note?: string;
  referent?: string | null;
  metOn?: IsoDate | null;
  workshop?: boolean;
  needs?: ActorNeed[];
  dataTypes?: DataType[];
  personalData?: boolean;
  sensitiveData?: boolean;
  groupOverride?: { group: ActorGroup; reason: string } | null;
  assessments?: SeedAssessment[];
}

export interface SeedMeasurement {
  on: IsoDate;
  value: number;
  comment?: string | null;
  sourceUrl?: string | null;
}

export interface SeedIndicator {
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baselineOn: IsoDate;
  baselineValue: number;
  targetOn: IsoDate;
  targetValue: number;
  measurements?: SeedMeasurement[];
}

/** The top-level keys of a roadmap file that hold the register. */
export interface RegisterSeed {
  actors?: SeedActor[];
  /** action key → the names of the actors it targets */
  actionTargets?: Record<string, string[]>;
  /** function code → its indicators */
  indicators?: Record<string, SeedIndicator[]>;
}

export interface RegisterProblem {
  path: string;
  problem: string;
}

/** What the kit offers the register: its action keys and its function codes. */
export interface RegisterKit {
  actionKeys: ReadonlySet<string>;
  functionCodes: ReadonlySet<string>;
}

/** The same day twice in a list (assessments, measurements): the places of the repeats. */
function repeatedDays(list: ReadonlyArray<{ on: IsoDate }>, at: string): RegisterProblem[] {
  const seen = new Set<string>();
  const problems: RegisterProblem[] = [];
  list.forEach((x, i) => {
    if (seen.has(x.on)) problems.push({ path: `${at}/${i}/on`, problem: `a second entry on ${x.on} (one a day)` });
    seen.add(x.on);
  });
  return problems;
}

function actorProblems(actors: readonly SeedActor[]): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  const names = new Set<string>();
  actors.forEach((a, i) => {
    const key = a.name.trim().toLocaleLowerCase('fr');
    if (names.has(key)) problems.push({ path: `/actors/${i}/name`, problem: `actor "${a.name}" is listed twice` });
    names.add(key);
    problems.push(...repeatedDays(a.assessments ?? [], `/actors/${i}/assessments`));
    if (a.sensitiveData && a.personalData === false)
      problems.push({ path: `/actors/${i}/sensitiveData`, problem: 'sensitive data are personal data: personalData must be true' });
  });
  return problems;
}

function indicatorProblems(code: string, list: readonly SeedIndicator[]): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  list.forEach((ind, i) => {
    const at = `/indicators/${code}/${i}`;
    if (ind.targetOn <= ind.baselineOn)
      problems.push({ path: `${at}/targetOn`, problem: 'the target date must come after the baseline date' });
    const up = ind.targetValue > ind.baselineValue;
    if (ind.targetValue === ind.baselineValue || up !== (ind.direction === 'up'))
      problems.push({
        path: `${at}/targetValue`,
        problem: `the target must be ${ind.direction === 'up' ? 'above' : 'below'} the baseline`,
      });
    const measurements = ind.measurements ?? [];
    measurements.forEach((m, j) => {
      if (m.on < ind.baselineOn) problems.push({ path: `${at}/measurements/${j}/on`, problem: 'a measurement before the baseline date' });
    });
    problems.push(...repeatedDays(measurements, `${at}/measurements`));
  });
  return problems;
}

/**
 * The rules of the register that a JSON Schema cannot say: actor names unique (ignoring case), one
 * assessment a day, every target an action of the kit and an actor of the file, every indicator under a
 * function of the kit with a target beyond its baseline in its direction, no measurement before the
 * baseline nor two on one day.
 */
export function registerProblems(file: RegisterSeed, kit: RegisterKit): RegisterProblem[] {
  const actors = file.actors ?? [];
  const problems = actorProblems(actors);
  const names = new Set(actors.map((a) => a.name));
  for (const [key, targeted] of Object.entries(file.actionTargets ?? {})) {
    if (!kit.actionKeys.has(key)) problems.push({ path: `/actionTargets/${key}`, problem: `no action "${key}" in the kit` });
    targeted.forEach((name, i) => {
      if (!names.has(name)) problems.push({ path: `/actionTargets/${key}/${i}`, problem: `unknown actor "${name}"` });
    });
  }
  for (const [code, list] of Object.entries(file.indicators ?? {})) {
    if (!kit.functionCodes.has(code)) problems.push({ path: `/indicators/${code}`, problem: `unknown function "${code}"` });
    problems.push(...indicatorProblems(code, list));
  }
  return problems;
}

/** The register a roadmap file carries (empty lists when it has none). */
export function registerOf(file: RegisterSeed): Required<RegisterSeed> {
  return { actors: file.actors ?? [], actionTargets: file.actionTargets ?? {}, indicators: file.indicators ?? {} };
}
