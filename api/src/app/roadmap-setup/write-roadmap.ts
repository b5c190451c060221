import type { EntityManager } from '@mikro-orm/postgresql';

import { Action, ActionDependency, ChangeEntry, Milestone, Account, Phase, Roadmap, TargetFunction } from '../../entities';
import type { RoadmapPlan } from './instantiate';
import { writeDiagnostic } from './write-diagnostic';
import { writeHistory } from './write-history';
import { writeGovernance } from './write-governance';

export type SeedOutcome = { created: true; roadmapId: string } | { created: false; roadmapId: string };

/** Who writes (recorded on each item's "created" history line) and, by account, who leads the roadmap. */
export interface WriteOptions {
  actorId?: string | null;
  /** an existing account; otherwise the plan's `projectLeadEmail` names the lead */
  projectLeadId?: string | null;
}

/**
 * Writes a roadmap plan in one transaction. Idempotent: a roadmap whose slug exists is left as it
 * is (loading twice changes nothing). Persons are matched by e-mail, case-insensitively; the
 * accounts created for them have no password (they get one through an invitation).
 */
export async function writeRoadmap(em: EntityManager, plan: RoadmapPlan, options: WriteOptions = {}): Promise<SeedOutcome> {
  return em.transactional(async (tx) => {
    // serialise concurrent seeds of the same slug (two instances, two CLIs)
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`jalons:seed:${plan.roadmap.slug}`]);
    const existing = await tx.findOne(Roadmap, { slug: plan.roadmap.slug });
    if (existing) return { created: false, roadmapId: existing.id };

    const emails = plan.persons.map((p) => p.email.toLowerCase());
    const rows = emails.length ? await tx.execute<Array<{ id: string }>>('select id from account where lower(email) in (?)', [emails]) : [];
    const known = rows.length ? await tx.find(Account, { id: { $in: rows.map((row) => row.id) } }) : [];
    const persons = new Map(known.map((p) => [p.email.toLowerCase(), p]));
    for (const p of plan.persons) {
      if (!persons.has(p.email.toLowerCase()))
        persons.set(p.email.toLowerCase(), tx.create(Account, { name: p.name, email: p.email, role: p.role }));
    }
    const person = (email: string | null) => (email ? (persons.get(email.toLowerCase()) ?? null) : null);
    const actor = options.actorId ? tx.getReference(Account, options.actorId) : null;

    const r = plan.roadmap;
    const roadmap = tx.create(Roadmap, {
      id: r.id,
      slug: r.slug,
      territory: r.territory,
      mandateLabel: r.mandateLabel,
      electionDates: r.electionDates,
      nextElectionDate: r.nextElectionDate,
      start: r.start,
      end: r.end,
      kitCode: r.kitCode,
      projectLead: options.projectLeadId ? tx.getReference(Account, options.projectLeadId) : person(r.projectLeadEmail),
    });
    const phases = new Map(plan.phases.map((p) => [p.id, tx.create(Phase, { ...p, roadmap })]));
    const fns = new Map(
      plan.functions.map((f) => {
        const { ownerEmail, ...rest } = f;
        return [f.id, tx.create(TargetFunction, { ...rest, roadmap, owner: person(ownerEmail) })];
      }),
    );
    const actions = new Map<string, Action>();
    for (const a of plan.actions) {
      const { functionId, phaseId, ownerEmail, comment, ...rest } = a;
      const action = tx.create(Action, {
        ...rest,
        roadmap,
        fn: fns.get(functionId)!,
        phase: phases.get(phaseId)!,
        owner: person(ownerEmail),
      });
      actions.set(a.id, action);
      tx.create(ChangeEntry, {
        roadmap,
        itemType: 'action',
        itemId: a.id,
        actor,
        field: 'created',
        toValue: `${a.status} ${a.progress} %`,
        comment: comment ?? `Créée depuis le kit (${r.kitCode})`,
      });
    }
    for (const m of plan.milestones) {
      const { functionId, phaseId, ...rest } = m;
      const fn = fns.get(functionId)!;
      // a milestone answers to its function's owner, as one created in the app (ADR 0015)
      tx.create(Milestone, { ...rest, roadmap, fn, phase: phases.get(phaseId)!, owner: fn.owner ?? null });
      tx.create(ChangeEntry, {
        roadmap,
        itemType: 'milestone',
        itemId: m.id,
        actor,
        field: 'created',
        toValue: m.achievedOn ? `atteint le ${m.achievedOn}` : null,
        comment: `Créé depuis le kit (${r.kitCode})`,
      });
    }
    for (const d of plan.dependencies) {
      tx.create(ActionDependency, { predecessor: actions.get(d.predecessorId)!, successor: actions.get(d.successorId)! });
    }
    await tx.flush();
    await writeDiagnostic(tx, plan);
    await writeHistory(tx, plan, roadmap.id);
    await writeGovernance(tx, plan);
    return { created: true, roadmapId: roadmap.id };
  });
}
