import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { findCycle, PHASE_CODES } from '@jalons/domain';
import type { ActionStatus, CentralVolet, FunctionFamily, IsoDate, PhaseCode, Provenance } from '@jalons/domain';
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';

import type { ExportedRecords } from './export-roadmap.queries';
import { registerProblems } from './register-seed';
import type { RegisterSeed } from './register-seed';
import { historyProblems } from './write-history';
import type { SeedHistory } from './write-history';
import { governanceProblems } from './write-governance';
import type { GovernanceSeed } from './write-governance';

/** The incubation kit, as written in seeds/kit/*.json (see docs/kit.md). */
export interface KitFile {
  version: number;
  code: string;
  name: string;
  source: string;
  /** `purpose`: the « why » of the phase, before the « how » */
  phases: Array<{ code: PhaseCode; name: string; description: string; purpose: string; defaultMonths: number | null }>;
  families: Array<{ code: FunctionFamily; name: string }>;
  functions: KitFunction[];
}

export interface KitFunction {
  code: string;
  name: string;
  family: FunctionFamily;
  central: boolean;
  color: string;
  description: string;
  volets?: Array<{ code: CentralVolet; name: string; description: string }>;
  actions: KitAction[];
  milestones: KitMilestone[];
}

export interface KitAction {
  key: string;
  phase: PhaseCode;
  months: [number, number];
  title: string;
  description: string;
  volet?: CentralVolet;
  predecessors?: string[];
  provenance: Provenance;
  /** the territory's practice or the document it rests on (required for a `pratique`) */
  reference?: string;
}

export interface KitMilestone {
  key: string;
  phase: PhaseCode;
  month: number;
  title: string;
  description: string;
  provenance: Provenance;
  reference?: string;
}

/** A roadmap: the kit placed on a territory's calendar (seeds/roadmaps/*.json). */
export interface RoadmapFile extends RegisterSeed, GovernanceSeed {
  slug: string;
  kit: string;
  territory: string;
  mandateLabel: string;
  electionDates: IsoDate[];
  nextElectionDate: IsoDate;
  phases: Record<PhaseCode, { start: IsoDate; end: IsoDate }>;
  persons: Array<{ key: string; name: string; email: string; role?: 'lead' | 'owner' | 'elected' }>;
  projectLead?: string;
  functionOwners?: Record<string, string>;
  items?: Record<string, RoadmapItemState>;
  /** the items' dated updates since the plan was entered (docs/progress.md) */
  history?: SeedHistory;
  /** an exported roadmap's rows, ids kept (export-roadmap.ts, ADR 0033): loaded as they are, instead of placing the kit */
  records?: ExportedRecords;
}

export type RoadmapItemState = { status: ActionStatus; progress: number; comment?: string; owner?: string } | { achievedOn: IsoDate };

/** A seed file that cannot be used: names the file, the place inside it and the problem. */
export class SeedFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Array<{ path: string; problem: string }>,
  ) {
    super(`${file}: ${problems.map((p) => `${p.path || '/'}: ${p.problem}`).join('; ')}`);
    this.name = 'SeedFileError';
  }
}

const MATURATION_MAX_MONTHS = 36;

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SeedFileError(file, [{ path: '', problem: `cannot be read (${(e as Error).message})` }]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SeedFileError(file, [{ path: '', problem: `is not valid JSON (${(e as Error).message})` }]);
  }
}

/** The key of the kit item at (or above) a JSON pointer such as `/functions/2/actions/1/months`, if it is one. */
function itemKeyAt(data: unknown, pointer: string): string | null {
  const m = /^\/functions\/(\d+)\/(actions|milestones)\/(\d+)(\/|$)/.exec(pointer);
  if (!m) return null;
  const fns = (data as { functions?: Array<Record<string, unknown>> }).functions;
  const item = (fns?.[Number(m[1])]?.[m[2]] as Array<{ key?: unknown }> | undefined)?.[Number(m[3])];
  return typeof item?.key === 'string' ? item.key : null;
}

function schemaProblem(e: ErrorObject, key: string | null): string {
  const missing = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : null;
  if (key && missing === 'provenance') return `l’élément « ${key} » n’a pas de provenance (etude, pratique ou exemple)`;
  if (key && missing === 'reference') return `l’élément « ${key} » est une pratique d’un territoire : sa référence (reference) manque`;
  const problem =
    e.keyword === 'additionalProperties'
      ? `unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`
      : e.keyword === 'enum'
        ? `${e.message} (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`
        : (e.message ?? e.keyword);
  return key ? `${problem} (item "${key}")` : problem;
}

function schemaErrors(data: unknown, errors: ErrorObject[] | null | undefined) {
  return (
    (errors ?? [])
      // an if/then failure is reported by the rule of its « then » as well: once is enough
      .filter((e) => e.keyword !== 'if')
      .map((e) => ({ path: e.instancePath, problem: schemaProblem(e, itemKeyAt(data, e.instancePath)) }))
  );
}

function validated<T>(file: string, schemaFile: string): T {
  const data = readJson(file);
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(readJson(schemaFile) as object);
  if (!validate(data)) throw new SeedFileError(file, schemaErrors(data, validate.errors));
  return data as T;
}

/** Reads and checks a kit file: its schema, then the rules a schema cannot say. */
export function loadKit(file: string): KitFile {
  const kit = validated<KitFile>(file, join(file, '..', 'kit.schema.json'));
  const problems: Array<{ path: string; problem: string }> = [];
  const phaseMonths = new Map(kit.phases.map((p) => [p.code, p.defaultMonths ?? MATURATION_MAX_MONTHS]));
  const actionKeys = new Map<string, string>();
  const keys = new Set<string>();
  kit.functions.forEach((fn, f) => {
    const at = `/functions/${f}`;
    const phases = new Set<string>();
    if (kit.functions.filter((o) => o.code === fn.code).length > 1)
      problems.push({ path: `${at}/code`, problem: `function code "${fn.code}" is used twice` });
    const items: Array<[string, { key: string; phase: PhaseCode }, number[]]> = [
      ...fn.actions.map((a, i) => [`${at}/actions/${i}`, a, a.months] as [string, KitAction, number[]]),
      ...fn.milestones.map((m, i) => [`${at}/milestones/${i}`, m, [m.month]] as [string, KitMilestone, number[]]),
    ];
    for (const [path, item, months] of items) {
      if (keys.has(item.key)) problems.push({ path: `${path}/key`, problem: `key "${item.key}" is used twice` });
      keys.add(item.key);
      if (!item.key.startsWith(`${fn.code}.`)) problems.push({ path: `${path}/key`, problem: `key must start with "${fn.code}."` });
      phases.add(item.phase);
      const max = phaseMonths.get(item.phase) ?? 0;
      if (months.some((m) => m > max)) problems.push({ path, problem: `months beyond the phase "${item.phase}" (${max} months at most)` });
      if (months.length === 2 && months[0] > months[1])
        problems.push({ path: `${path}/months`, problem: 'the first month must not come after the last' });
    }
    fn.actions.forEach((a, i) => actionKeys.set(a.key, `${at}/actions/${i}`));
    // the study details every function over the four periods of the mandate
    for (const phase of kit.phases.filter((p) => !phases.has(p.code))) {
      problems.push({
        path: at,
        problem: `la fonction « ${fn.name} » (${fn.code}) n’a ni action ni jalon dans la phase « ${phase.name} » (${phase.code})`,
      });
    }
  });
  const edges: Array<[string, string]> = [];
  for (const fn of kit.functions) {
    for (const a of fn.actions) {
      (a.predecessors ?? []).forEach((p, i) => {
        if (!actionKeys.has(p)) problems.push({ path: `${actionKeys.get(a.key)}/predecessors/${i}`, problem: `unknown action "${p}"` });
        else edges.push([p, a.key]);
      });
    }
  }
  const cycle = findCycle(edges);
  if (cycle) problems.push({ path: actionKeys.get(cycle[0]) ?? '', problem: `dependency cycle: ${cycle.join(' → ')} → ${cycle[0]}` });
  const centrals = kit.functions.filter((fn) => fn.central);
  if (centrals.length !== 1)
    problems.push({ path: '/functions', problem: `exactly one central function expected (found ${centrals.length})` });
  if (problems.length) throw new SeedFileError(file, problems);
  return kit;
}

/** Reads and checks a roadmap file against its schema and against the kit it instantiates. */
export function loadRoadmapFile(file: string, kit: KitFile): RoadmapFile {
  // a city's own file may live anywhere: the schema is the one beside it, or else the seeds' one
  const beside = join(file, '..', 'roadmap.schema.json');
  const rm = validated<RoadmapFile>(file, existsSync(beside) ? beside : join(seedsDir(), 'roadmaps', 'roadmap.schema.json'));
  const problems: Array<{ path: string; problem: string }> = [];
  if (rm.kit !== kit.code) problems.push({ path: '/kit', problem: `kit "${rm.kit}" is not the loaded kit "${kit.code}"` });
  const persons = new Set(rm.persons.map((p) => p.key));
  const emails = new Set<string>();
  rm.persons.forEach((p, i) => {
    if (emails.has(p.email.toLowerCase())) problems.push({ path: `/persons/${i}/email`, problem: `e-mail ${p.email} is used twice` });
    emails.add(p.email.toLowerCase());
  });
  if (rm.projectLead && !persons.has(rm.projectLead))
    problems.push({ path: '/projectLead', problem: `unknown person "${rm.projectLead}"` });
  const fnCodes = new Set(kit.functions.map((f) => f.code));
  for (const [code, person] of Object.entries(rm.functionOwners ?? {})) {
    if (!fnCodes.has(code)) problems.push({ path: `/functionOwners/${code}`, problem: `unknown function "${code}"` });
    if (!persons.has(person)) problems.push({ path: `/functionOwners/${code}`, problem: `unknown person "${person}"` });
  }
  const actions = new Set(kit.functions.flatMap((f) => f.actions.map((a) => a.key)));
  const milestones = new Set(kit.functions.flatMap((f) => f.milestones.map((m) => m.key)));
  for (const [key, state] of Object.entries(rm.items ?? {})) {
    const path = `/items/${key}`;
    if ('achievedOn' in state) {
      if (!milestones.has(key)) problems.push({ path, problem: `no milestone "${key}" in the kit` });
    } else {
      if (!actions.has(key)) problems.push({ path, problem: `no action "${key}" in the kit` });
      if (state.owner && !persons.has(state.owner)) problems.push({ path: `${path}/owner`, problem: `unknown person "${state.owner}"` });
    }
  }
  for (const code of PHASE_CODES) if (!rm.phases[code]) problems.push({ path: `/phases/${code}`, problem: 'missing phase' });
  problems.push(...registerProblems(rm, { actionKeys: actions, functionCodes: fnCodes }));
  problems.push(...historyProblems(rm, { actionKeys: actions, milestoneKeys: milestones }));
  problems.push(...governanceProblems(rm, { actionKeys: actions, milestoneKeys: milestones, personKeys: persons }));
  if (problems.length) throw new SeedFileError(file, problems);
  return rm;
}

export function seedsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['SEEDS_DIR'] || 'seeds';
}

export const KIT_FILE = (dir: string) => join(dir, 'kit', 'incubation-kit.json');
export const BREST_FILE = (dir: string) => join(dir, 'roadmaps', 'brest-2026-2032.json');
