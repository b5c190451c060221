import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { ImportConflictView, ImportPlanView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { ApiException } from '../../infra/http/errors';
import { Roadmap } from '../../entities';
import { recordManyChanges } from '../history';
import type { ItemChanges } from '../history';
import { cellText, parseId } from './cells';
import { mapBook } from './columns';
import { ImportQueries } from './import.queries';
import type { ImportActionWrite, ImportMilestoneWrite } from './import.queries';
import { planImport } from './plan';
import type { ImportPlan, PlannedWrite } from './plan';
import { fileKind, readCsv, readXlsx } from './read-file';
import type { ActionFields, ImportState, MilestoneFields } from './state';

/** The part of an uploaded file the import reads (multer's memory storage). */
export interface UploadedImport {
  originalname: string;
  buffer: Buffer;
}

/** The file's name as the history will quote it: its last path segment, no control character, 120 characters at most. */
export function importFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const printable = [...base].filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f);
  return printable.slice(0, 120).join('') || 'fichier';
}

/** The ids a sheet's rows name (well-formed only: the plan refuses the others). */
function namedIds(rows: { cells: { id?: unknown } }[] | undefined): string[] {
  return (rows ?? []).flatMap((r) => {
    const parsed = parseId(cellText((r.cells.id ?? null) as never));
    return 'value' in parsed && parsed.value ? [parsed.value] : [];
  });
}

const actionRow = (id: string, f: ActionFields): ImportActionWrite => ({
  id,
  function_id: f.functionId,
  phase_id: f.phaseId,
  title: f.title,
  description: f.description,
  volet: f.volet,
  start_date: f.start,
  due_date: f.due,
  status: f.status,
  progress: f.progress,
  owner_id: f.ownerId,
});

const milestoneRow = (id: string, f: MilestoneFields): ImportMilestoneWrite => ({
  id,
  function_id: f.functionId,
  phase_id: f.phaseId,
  title: f.title,
  description: f.description,
  milestone_date: f.date,
  achieved_on: f.achievedOn,
  owner_id: f.ownerId,
});

const refusal = (plan: ImportPlan['view']) =>
  ApiException.rule(plan.refused.slice(0, 50).map((r) => ({ field: `${r.sheet} ligne ${r.line}`, message: r.reasons.join(' ') })));

/**
 * `POST /roadmaps/:id/import`: the file read into a plan against the stored roadmap; a dry run
 * answers it, an import applies it — in one transaction, the rows it changes locked and their
 * versions checked, every change in the history with the comment « import <file name> », the
 * roadmap's revision bumped once. One refused row or one conflict and nothing is written.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: ImportQueries,
  ) {}

  async run(roadmapId: string, file: UploadedImport, dryRun: boolean, actorId: string | null): Promise<ImportPlanView> {
    const kind = fileKind(file.originalname, file.buffer);
    const book = mapBook(kind === 'xlsx' ? await readXlsx(file.buffer) : [readCsv(file.buffer)], kind === 'csv');
    const fileName = importFileName(file.originalname);
    return this.em.transactional(async (tx) => {
      if (!dryRun) await this.queries.lock(roadmapId, namedIds(book.actions?.rows), namedIds(book.milestones?.rows), tx);
      const plan = planImport(book, await this.state(roadmapId, tx));
      const view: ImportPlanView = { fileName, applied: false, ...plan.view };
      if (dryRun) return view;
      if (plan.view.refused.length) throw refusal(plan.view);
      if (plan.view.conflicts.length) throw this.conflict(plan.view);
      await this.write(tx, roadmapId, plan, `import ${fileName}`, actorId);
      return { ...view, applied: true };
    });
  }

  private conflict(plan: Pick<ImportPlan['view'], 'conflicts'>): ApiException {
    const n = plan.conflicts.length;
    return new ApiException({
      statusCode: 409,
      error: 'version_conflict',
      message: `${n} ligne${n > 1 ? 's ont' : ' a'} changé dans Jalons depuis l’export : rien n’a été importé. Exportez à nouveau, reportez vos modifications, puis importez.`,
      errors: plan.conflicts.slice(0, 50).map((c) => ({
        field: `${c.sheet} ligne ${c.line}`,
        message: `« ${c.title} » est en version ${c.currentVersion}, le fichier a la version ${c.fileVersion}.`,
      })),
    });
  }

  private async state(roadmapId: string, tx: EntityManager): Promise<ImportState> {
    const roadmap = await this.queries.roadmap(roadmapId, tx);
    if (!roadmap) throw ApiException.notFound('La feuille de route', roadmapId);
    // one after the other: a transaction is one connection, which runs one query at a time
    const phases = await this.queries.phases(roadmapId, tx);
    const functions = await this.queries.functions(roadmapId, tx);
    const persons = await this.queries.persons(tx);
    const actions = await this.queries.actions(roadmapId, tx);
    const milestones = await this.queries.milestones(roadmapId, tx);
    return {
      roadmap: { id: roadmap.id, start: roadmap.start_date, end: roadmap.end_date },
      today: todayInParis(),
      phases: phases.map((p) => ({ id: p.id, name: p.name, start: p.start_date, end: p.end_date })),
      functions: functions.map((f) => ({ ...f, ownerId: f.owner_id, volets: f.volets ?? [] })),
      persons,
      actions: actions.map((a) => ({
        id: a.id,
        version: a.version,
        functionId: a.function_id,
        phaseId: a.phase_id,
        title: a.title,
        description: a.description,
        volet: a.volet,
        start: a.start_date,
        due: a.due_date,
        status: a.status,
        progress: a.progress,
        ownerId: a.owner_id,
        predecessorIds: a.predecessor_ids,
      })),
      milestones: milestones.map((m) => ({
        id: m.id,
        version: m.version,
        functionId: m.function_id,
        phaseId: m.phase_id,
        title: m.title,
        description: m.description,
        date: m.milestone_date,
        achievedOn: m.achieved_on,
        ownerId: m.owner_id,
      })),
    };
  }

  /**
   * The plan in a few set-based statements (ADR 0012, bulk writes of the import): the updates, each
   * guarded by the version the plan read under the rows' locks (+1, as the unit of work bumps it), the
   * creations, the arrows removed then added, the history lines and the revision bumped once. An
   * update that misses its version is a conflict: everything is rolled back.
   */
  private async write(tx: EntityManager, roadmapId: string, plan: ImportPlan, comment: string, actorId: string | null): Promise<void> {
    const at = new Date();
    const idOf = new Map(plan.actions.map((p) => [p.key, p.id ?? randomUUID()]));
    const actions = plan.actions.map((p) => ({ planned: p, row: actionRow(idOf.get(p.key)!, p.fields) }));
    const milestones = plan.milestones.map((p) => ({ planned: p, row: milestoneRow(p.id ?? randomUUID(), p.fields) }));
    const updates = <T>(list: { planned: PlannedWrite<unknown>; row: T }[]) =>
      list.flatMap(({ planned, row }) => (planned.id ? [{ ...row, expected_version: planned.version! }] : []));
    const creations = <T>(list: { planned: PlannedWrite<unknown>; row: T }[]) =>
      list.flatMap(({ planned, row }) => (planned.id ? [] : [row]));
    const actionUpdates = updates(actions);
    const milestoneUpdates = updates(milestones);
    const updatedActions = await this.queries.updateActions(roadmapId, actionUpdates, at, tx);
    const updatedMilestones = await this.queries.updateMilestones(roadmapId, milestoneUpdates, at, tx);
    if (updatedActions.length !== actionUpdates.length || updatedMilestones.length !== milestoneUpdates.length) {
      throw this.conflict({ conflicts: await this.missed(roadmapId, plan, [...updatedActions, ...updatedMilestones], tx) });
    }
    await this.queries.insertActions(roadmapId, creations(actions), at, tx);
    await this.queries.insertMilestones(roadmapId, creations(milestones), at, tx);
    const key = (k: string) => idOf.get(k) ?? k;
    await this.queries.replaceEdges(
      plan.actions.flatMap((p) => p.removePredecessors.map((k) => ({ predecessor_id: key(k), successor_id: p.id! }))),
      plan.actions.flatMap((p) => p.addPredecessors.map((k) => ({ predecessor_id: key(k), successor_id: key(p.key) }))),
      tx,
    );
    const history: ItemChanges[] = [
      ...actions.map(({ planned, row }) => ({ itemType: 'action' as const, itemId: row.id, changes: planned.history })),
      ...milestones.map(({ planned, row }) => ({ itemType: 'milestone' as const, itemId: row.id, changes: planned.history })),
    ];
    await recordManyChanges(tx, tx.getReference(Roadmap, roadmapId), history, comment, actorId);
  }

  /** The planned updates an update statement did not write (changed since the plan was read), as conflicts. */
  private async missed(roadmapId: string, plan: ImportPlan, written: string[], tx: EntityManager): Promise<ImportConflictView[]> {
    const done = new Set(written);
    const stored = new Map(
      [...(await this.queries.actions(roadmapId, tx)), ...(await this.queries.milestones(roadmapId, tx))].map((r) => [r.id, r]),
    );
    const rows = [...plan.actions.map((p) => ['action', p] as const), ...plan.milestones.map((p) => ['milestone', p] as const)];
    return rows.flatMap(([itemType, p]) =>
      p.id && !done.has(p.id)
        ? [
            {
              itemType,
              sheet: p.sheet,
              line: p.line,
              title: p.fields.title,
              id: p.id,
              fileVersion: p.version!,
              currentVersion: stored.get(p.id)?.version ?? 0,
            },
          ]
        : [],
    );
  }
}
