import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { ImportPlanView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { ApiException } from '../../infra/http/errors';
import { Account, Action, ActionDependency, Milestone, Phase, Roadmap, TargetFunction } from '../../entities';
import { recordManyChanges } from '../history';
import type { ItemChanges } from '../history';
import { cellText, parseId } from './cells';
import { mapBook } from './columns';
import { ImportQueries } from './import.queries';
import { planImport } from './plan';
import type { ImportPlan } from './plan';
import { fileKind, readCsv, readXlsx } from './read-file';
import type { ImportState } from './state';

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

  private conflict(plan: ImportPlan['view']): ApiException {
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
   * The plan through the unit of work: the changed items loaded in one query, assigned, the new ones
   * created, the arrows added and removed, the history staged — one flush at the commit, which
   * MikroORM batches (multi-row inserts, grouped updates, each update checking its version).
   */
  private async write(tx: EntityManager, roadmapId: string, plan: ImportPlan, comment: string, actorId: string | null): Promise<void> {
    const roadmap = tx.getReference(Roadmap, roadmapId);
    const ref = <T extends object>(entity: new () => T, id: string | null) =>
      (id ? tx.getReference(entity as never, id as never) : null) as T | null;
    const actions = await this.loaded(tx, Action, plan.actions);
    const milestones = await this.loaded(tx, Milestone, plan.milestones);
    const byKey = new Map<string, Action>();
    const history: ItemChanges[] = [];
    for (const p of plan.actions) {
      const f = p.fields;
      const data = {
        fn: ref(TargetFunction, f.functionId)!,
        phase: ref(Phase, f.phaseId)!,
        owner: ref(Account, f.ownerId),
        title: f.title,
        description: f.description,
        volet: f.volet,
        start: f.start,
        due: f.due,
        status: f.status,
        progress: f.progress,
      };
      const action = p.id ? tx.assign(actions.get(p.id)!, { ...data, updatedAt: new Date() }) : tx.create(Action, { roadmap, ...data });
      byKey.set(p.key, action);
      history.push({ itemType: 'action', itemId: action.id, changes: p.history });
    }
    const removed = plan.actions.flatMap((p) => p.removePredecessors.map((k) => ({ predecessor: k, successor: p.id! })));
    if (removed.length) await tx.nativeDelete(ActionDependency, { $or: removed });
    for (const p of plan.actions) {
      for (const k of p.addPredecessors) {
        tx.create(ActionDependency, { predecessor: byKey.get(k) ?? ref(Action, k)!, successor: byKey.get(p.key)! });
      }
    }
    for (const p of plan.milestones) {
      const f = p.fields;
      const data = {
        fn: ref(TargetFunction, f.functionId)!,
        phase: ref(Phase, f.phaseId)!,
        owner: ref(Account, f.ownerId),
        title: f.title,
        description: f.description,
        date: f.date,
        achievedOn: f.achievedOn,
      };
      const m = p.id ? tx.assign(milestones.get(p.id)!, { ...data, updatedAt: new Date() }) : tx.create(Milestone, { roadmap, ...data });
      history.push({ itemType: 'milestone', itemId: m.id, changes: p.history });
    }
    await recordManyChanges(tx, roadmap, history, comment, actorId);
  }

  /** The items a plan updates, loaded in one query, by id. */
  private async loaded<T extends Action | Milestone>(
    tx: EntityManager,
    entity: new () => T,
    planned: { id: string | null }[],
  ): Promise<Map<string, T>> {
    const ids = planned.flatMap((p) => (p.id ? [p.id] : []));
    if (!ids.length) return new Map();
    const found = (await tx.find(entity as never, { id: { $in: ids } } as never)) as T[];
    return new Map(found.map((e) => [e.id, e]));
  }
}
