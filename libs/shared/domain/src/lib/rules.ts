import { addDays, isIsoDate, toDayNumber } from './dates';
import { ACTION_STATUSES } from './types';
import type { ActionStatus, DaySpan, IsoDate, PhaseSpan, RuleViolation } from './types';

/**
 * Business rules. Each check returns the list of broken rules (empty = valid), each addressed to
 * the field a person should fix, with a French message meant to be shown next to that field.
 */

/** 'YYYY-MM-DD' → 'dd/mm/yyyy' (fr-FR). Throws a `RangeError` for something else than an IsoDate. */
export function formatFrDate(d: IsoDate): string {
  if (!isIsoDate(d)) throw new RangeError(`Not a calendar day in 'YYYY-MM-DD' form: ${JSON.stringify(d)}`);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

function assertRoadmapSpan(roadmap: DaySpan): void {
  if (!isIsoDate(roadmap.start) || !isIsoDate(roadmap.end) || roadmap.end < roadmap.start) {
    throw new RangeError(`Invalid roadmap span: ${JSON.stringify(roadmap)}`);
  }
}

function between(roadmap: DaySpan): string {
  return `entre le ${formatFrDate(roadmap.start)} et le ${formatFrDate(roadmap.end)}`;
}

/** Valid IsoDates compare like their day numbers. */
function inside(roadmap: DaySpan, d: IsoDate): boolean {
  return roadmap.start <= d && d <= roadmap.end;
}

/** The roadmap's own dates, edited in the same form as its phases (fields 'start', 'end'). */
function roadmapDateViolations(roadmap: DaySpan): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const startOk = isIsoDate(roadmap.start);
  const endOk = isIsoDate(roadmap.end);
  if (!startOk) {
    violations.push({
      field: 'start',
      message: "La date de début de la feuille de route n'est pas une date valide.",
    });
  }
  if (!endOk) {
    violations.push({
      field: 'end',
      message: "La date de fin de la feuille de route n'est pas une date valide.",
    });
  }
  if (startOk && endOk && roadmap.end < roadmap.start) {
    violations.push({
      field: 'end',
      message: 'La fin de la feuille de route doit être le même jour ou après son début.',
    });
  }
  return violations;
}

/** One phase's own dates: valid, start ≤ end. */
function phaseDateViolations(phase: PhaseSpan, i: number): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const startOk = isIsoDate(phase.start);
  const endOk = isIsoDate(phase.end);
  if (!startOk) {
    violations.push({
      field: `phases[${i}].start`,
      message: "La date de début de la phase n'est pas une date valide.",
    });
  }
  if (!endOk) {
    violations.push({
      field: `phases[${i}].end`,
      message: "La date de fin de la phase n'est pas une date valide.",
    });
  }
  if (startOk && endOk && phase.end < phase.start) {
    violations.push({
      field: `phases[${i}].end`,
      message: 'La fin de la phase doit être le même jour ou après son début.',
    });
  }
  return violations;
}

/**
 * Phase i (i ≥ 1, valid start) after the previous one: not before it, then starting the day after
 * its end (no gap, no overlap). At most one violation; null when it follows well or cannot be judged.
 */
function sequenceViolation(phase: PhaseSpan, previous: PhaseSpan, i: number): RuleViolation | null {
  if (isIsoDate(previous.start) && phase.start < previous.start) {
    return {
      field: `phases[${i}].start`,
      message: "Les phases doivent se suivre dans l'ordre chronologique : cette phase commence avant la précédente.",
    };
  }
  if (!isIsoDate(previous.end)) return null;
  const expected = addDays(previous.end, 1);
  if (phase.start === expected) return null;
  return {
    field: `phases[${i}].start`,
    message:
      phase.start < expected
        ? `Cette phase chevauche la précédente : elle doit commencer le ${formatFrDate(expected)}, lendemain de la fin de la phase précédente.`
        : `Il y a un intervalle entre cette phase et la précédente : elle doit commencer le ${formatFrDate(expected)}, lendemain de la fin de la phase précédente.`,
  };
}

/** The first phase starts on the roadmap's start, the last ends on its end (each judged when both dates are valid). */
function boundViolations(roadmap: DaySpan, phases: readonly PhaseSpan[]): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const first = phases[0];
  if (isIsoDate(roadmap.start) && isIsoDate(first.start) && first.start !== roadmap.start) {
    violations.push({
      field: 'phases[0].start',
      message: `La première phase doit commencer le ${formatFrDate(roadmap.start)}, début de la feuille de route.`,
    });
  }
  const lastIndex = phases.length - 1;
  const last = phases[lastIndex];
  if (isIsoDate(roadmap.end) && isIsoDate(last.end) && last.end !== roadmap.end) {
    violations.push({
      field: `phases[${lastIndex}].end`,
      message: `La dernière phase doit se terminer le ${formatFrDate(roadmap.end)}, fin de la feuille de route.`,
    });
  }
  return violations;
}

/**
 * The phases of a roadmap: valid dates, each start ≤ end, in chronological order, contiguous
 * (next.start = previous end + 1 day: no gap, no overlap), the first starting on roadmap.start and
 * the last ending on roadmap.end. The roadmap's own dates are checked too (fields 'start', 'end'),
 * as they are edited in the same form.
 */
export function checkPhases(roadmap: DaySpan, phases: readonly PhaseSpan[]): RuleViolation[] {
  const violations = roadmapDateViolations(roadmap);
  if (phases.length === 0) {
    violations.push({
      field: 'phases',
      message: 'La feuille de route doit comporter au moins une phase.',
    });
    return violations;
  }
  phases.forEach((phase, i) => {
    violations.push(...phaseDateViolations(phase, i));
    if (i === 0 || !isIsoDate(phase.start)) return;
    const next = sequenceViolation(phase, phases[i - 1], i);
    if (next) violations.push(next);
  });
  return [...violations, ...boundViolations(roadmap, phases)];
}

/**
 * Dates of an action: valid; due ≥ start; both inside the roadmap span. The roadmap span is stored
 * data, not user input: an invalid one is a programming error (RangeError).
 */
export function checkActionDates(roadmap: DaySpan, item: { start: IsoDate; due: IsoDate }): RuleViolation[] {
  assertRoadmapSpan(roadmap);
  const violations: RuleViolation[] = [];
  const startOk = isIsoDate(item.start);
  const dueOk = isIsoDate(item.due);
  if (!startOk)
    violations.push({
      field: 'start',
      message: "La date de début n'est pas une date valide.",
    });
  if (!dueOk)
    violations.push({
      field: 'due',
      message: "L'échéance n'est pas une date valide.",
    });
  if (startOk && dueOk && toDayNumber(item.due) < toDayNumber(item.start)) {
    violations.push({
      field: 'due',
      message: "L'échéance doit être le même jour ou après le début.",
    });
  }
  if (startOk && !inside(roadmap, item.start)) {
    violations.push({
      field: 'start',
      message: `La date de début doit être comprise ${between(roadmap)}.`,
    });
  }
  if (dueOk && !inside(roadmap, item.due)) {
    violations.push({
      field: 'due',
      message: `L'échéance doit être comprise ${between(roadmap)}.`,
    });
  }
  return violations;
}

/** Date of a milestone: valid and inside the roadmap span (an invalid roadmap span is a RangeError). */
export function checkMilestoneDate(roadmap: DaySpan, date: IsoDate): RuleViolation[] {
  assertRoadmapSpan(roadmap);
  if (!isIsoDate(date)) return [{ field: 'date', message: "La date du jalon n'est pas une date valide." }];
  if (!inside(roadmap, date)) {
    return [
      {
        field: 'date',
        message: `La date du jalon doit être comprise ${between(roadmap)}.`,
      },
    ];
  }
  return [];
}

/**
 * Status and progress of an action: a known status; progress an integer 0–100;
 * 'terminee' ⇒ 100 %; 'a_lancer' ⇒ 0 % (same rule as the roadmap schema, see docs/kit.md).
 */
export function checkStatusProgress(status: ActionStatus, progress: number): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!(ACTION_STATUSES as readonly string[]).includes(status)) {
    violations.push({ field: 'status', message: "Ce statut n'existe pas." });
  }
  if (!Number.isInteger(progress) || progress < 0 || progress > 100) {
    violations.push({
      field: 'progress',
      message: "L'avancement doit être un nombre entier compris entre 0 et 100.",
    });
  }
  if (status === 'terminee' && progress !== 100) {
    violations.push({
      field: 'progress',
      message: 'Une action terminée est à 100 %.',
    });
  }
  if (status === 'a_lancer' && progress !== 0) {
    violations.push({
      field: 'progress',
      message: 'Une action à lancer est à 0 %.',
    });
  }
  return violations;
}

function successorsOf<Id>(edges: ReadonlyArray<readonly [Id, Id]>): Map<Id, Id[]> {
  const successors = new Map<Id, Id[]>();
  for (const [from, to] of edges) {
    const list = successors.get(from);
    if (list) list.push(to);
    else successors.set(from, [to]);
    if (!successors.has(to)) successors.set(to, []);
  }
  return successors;
}

/**
 * One cycle of the dependency graph (edges are [predecessor, successor]) as the list of ids along
 * it, the first not repeated at the end — [a, b, c] means a → b → c → a; a self-loop gives [a] —
 * or null when there is none. Iterative depth-first search (no recursion), deterministic: nodes and
 * edges are explored in the order of the edge list.
 */
export function findCycle<Id>(edges: ReadonlyArray<readonly [Id, Id]>): Id[] | null {
  const successors = successorsOf(edges);
  const finished = new Set<Id>();
  const positionOnPath = new Map<Id, number>();
  const path: Id[] = [];
  const nextEdge: number[] = [];
  for (const root of successors.keys()) {
    if (finished.has(root)) continue;
    path.push(root);
    nextEdge.push(0);
    positionOnPath.set(root, 0);
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top];
      const next = successors.get(node) ?? [];
      if (nextEdge[top] < next.length) {
        const successor = next[nextEdge[top]++];
        const position = positionOnPath.get(successor);
        if (position !== undefined) return path.slice(position);
        if (!finished.has(successor)) {
          positionOnPath.set(successor, path.length);
          path.push(successor);
          nextEdge.push(0);
        }
      } else {
        finished.add(node);
        positionOnPath.delete(node);
        path.pop();
        nextEdge.pop();
      }
    }
  }
  return null;
}

/**
 * True when adding `newEdge` = [predecessor, successor] would close a cycle: a self-edge, or the
 * successor already leads (transitively) to the predecessor. Iterative breadth-first search.
 */
export function wouldCreateCycle<Id>(edges: ReadonlyArray<readonly [Id, Id]>, newEdge: readonly [Id, Id]): boolean {
  const [predecessor, successor] = newEdge;
  if (predecessor === successor) return true;
  const successors = successorsOf(edges);
  const seen = new Set<Id>([successor]);
  const queue: Id[] = [successor];
  for (let i = 0; i < queue.length; i++) {
    for (const next of successors.get(queue[i]) ?? []) {
      if (next === predecessor) return true;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

/**
 * Linking two actions (the arrow predecessor → successor): the successor may not start before the
 * predecessor's due date — the kit's arrows all read « finish, then start ». Checked when an arrow is
 * drawn (a new dependency, an action created with its predecessors); re-planning an action already
 * linked is not refused, the Gantt shows the overlap.
 */
export function checkDependencyDates(
  predecessor: { title: string; due: IsoDate },
  successor: { title: string; start: IsoDate },
  field = 'predecessorId',
): RuleViolation[] {
  if (successor.start >= predecessor.due) return [];
  return [
    {
      field,
      message: `« ${successor.title} » commence le ${formatFrDate(successor.start)}, avant l’échéance de « ${predecessor.title} » (${formatFrDate(predecessor.due)}) : replanifiez l’une des deux avant de les lier.`,
    },
  ];
}
