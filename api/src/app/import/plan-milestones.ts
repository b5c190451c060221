import { checkMilestoneDate, phaseAt, TEXT_MAX } from '@jalons/domain';

import { ownerViolations } from '../actions';
import { achievedOnViolations } from '../milestones';
import { parseDay, parseId, parseVersion } from './cells';
import type { MappedSheet, MilestoneColumn, SheetRow } from './columns';
import { Changes, RowCheck } from './row-check';
import type { Lookups, MilestoneFields, MilestoneState, PersonState } from './state';

/** A row of the « Jalons » sheet read against the roadmap: what the milestone would become, or why not. */
export interface MilestoneDraft {
  row: SheetRow<MilestoneColumn>;
  key: string;
  current: MilestoneState | undefined;
  version: number | null;
  fields: MilestoneFields | null;
  check: RowCheck<MilestoneColumn>;
}

const RULE_COLUMNS: Record<string, [MilestoneColumn, string]> = {
  date: ['date', 'Date'],
  achievedOn: ['achievedOn', 'Atteint le'],
  ownerId: ['owner', 'Responsable'],
  functionId: ['function', 'Fonction'],
};

const REQUIRED = 'obligatoire pour créer un jalon.';

function identify(d: MilestoneDraft, look: Lookups, seen: Map<string, number>): void {
  const { cells } = d.row;
  const id = d.check.take('id', 'id', parseId(cells.id ?? null));
  if (!id) return;
  d.key = id;
  d.current = look.milestoneById.get(id);
  if (!d.current) d.check.refuse('id', 'id', `aucun jalon de cette feuille de route n’a l’id ${id} (laissez-le vide pour créer le jalon).`);
  else if (seen.has(id)) d.check.refuse('id', 'id', `ce jalon est déjà à la ligne ${seen.get(id)} du fichier.`);
  seen.set(id, d.row.line);
  d.version = d.check.take('version', 'version', parseVersion(cells.version ?? null)) ?? null;
}

/** A row read against the stored roadmap, its rules checked as the milestones service checks them. */
export function draftMilestone(
  row: SheetRow<MilestoneColumn>,
  labels: MappedSheet<MilestoneColumn>['labels'],
  look: Lookups,
  seen: Map<string, number>,
): MilestoneDraft {
  const d: MilestoneDraft = { row, key: `new:${row.line}`, current: undefined, version: null, fields: null, check: new RowCheck(labels) };
  identify(d, look, seen);
  const { cells } = row;
  const { check, current } = d;
  const has = (c: MilestoneColumn) => c in cells;
  const need = <T>(c: MilestoneColumn, label: string, v: T | undefined | null): T | undefined => {
    if (v === null || (v === undefined && !has(c) && !current)) check.refuse(c, label, current ? 'elle est vide.' : REQUIRED);
    return v ?? undefined;
  };
  const fn = has('function')
    ? check.take('function', 'Fonction', look.fn(cells.function ?? null))
    : current
      ? look.fnById.get(current.functionId)
      : need('function', 'Fonction', undefined);
  const title = has('title') ? check.title('title', 'Jalon', cells.title ?? null) : need('title', 'Jalon', current?.title);
  const description = has('description')
    ? check.text('description', 'Description', cells.description ?? null, 0, TEXT_MAX.description)
    : (current?.description ?? '');
  const date = has('date')
    ? need('date', 'Date', check.take('date', 'Date', parseDay(cells.date ?? null)))
    : need('date', 'Date', current?.date);
  const achievedOn = has('achievedOn')
    ? check.take('achievedOn', 'Atteint le', parseDay(cells.achievedOn ?? null))
    : (current?.achievedOn ?? null);
  const owner: PersonState | null | undefined = has('owner')
    ? check.take('owner', 'Responsable', look.person(cells.owner ?? null))
    : undefined;
  const ownerId =
    owner === undefined || (owner === null && !current) ? (current ? current.ownerId : (fn?.ownerId ?? null)) : (owner?.id ?? null);
  if (date) check.violations(checkMilestoneDate(look.state.roadmap, date), RULE_COLUMNS);
  if (achievedOn !== undefined) check.violations(achievedOnViolations(achievedOn, look.state.today), RULE_COLUMNS);
  if (owner && owner.id !== current?.ownerId) check.violations(ownerViolations(owner), RULE_COLUMNS);
  const phase = date && !check.reasons.length ? phaseAt(look.state.phases, date) : undefined;
  if (date && !check.reasons.length && !phase) {
    check.violations([{ field: 'date', message: 'Aucune phase de la feuille de route ne contient cette date.' }], RULE_COLUMNS);
  }
  if (check.reasons.length || !fn || !phase || title === undefined || description === undefined || !date || achievedOn === undefined)
    return d;
  d.fields = { functionId: fn.id, phaseId: phase.id, title, description, date, achievedOn, ownerId };
  return d;
}

const dayShown = (v: unknown) => (v ? String(v) : null);

/** What a row changes (from the stored milestone, or from nothing for a creation). */
export function milestoneChanges(d: MilestoneDraft, look: Lookups): Changes {
  const c = new Changes();
  const cur = d.current;
  const f = d.fields!;
  const l = (col: MilestoneColumn, fallback: string) => d.check.label(col, fallback);
  c.ref('function', l('function', 'Fonction'), cur?.functionId ?? null, f.functionId, (id) =>
    id ? (look.fnById.get(id)?.name ?? id) : null,
  );
  c.add('title', l('title', 'Jalon'), cur?.title ?? null, f.title);
  if (cur) c.add('description', l('description', 'Description'), cur.description, f.description);
  c.add('date', l('date', 'Date'), cur?.date ?? null, f.date, dayShown);
  c.add('achievedOn', l('achievedOn', 'Atteint le'), cur?.achievedOn ?? null, f.achievedOn, dayShown);
  c.ref('owner', l('owner', 'Responsable'), cur?.ownerId ?? null, f.ownerId, (id) => (id ? (look.personById.get(id)?.name ?? id) : null));
  c.ref('phase', 'Phase', cur?.phaseId ?? null, f.phaseId, (id) => (id ? (look.phaseById.get(id)?.name ?? id) : null));
  return c;
}
