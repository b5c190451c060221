import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';

import type { RoadmapPlan } from './instantiate';
import type { SeedActor } from './register-seed';
import { RegisterSeedQueries } from './roadmap-setup.queries';
import type { SeedActorWrite, SeedAssessmentWrite } from './roadmap-setup.queries';

function actorRow(a: SeedActor, id: string): SeedActorWrite {
  return {
    id,
    name: a.name.trim(),
    kind: a.kind,
    referent: a.referent?.trim() || null,
    met_on: a.metOn ?? null,
    workshop: a.workshop ?? false,
    needs: a.needs ?? [],
    data_types: a.dataTypes ?? [],
    personal_data: a.personalData ?? false,
    sensitive_data: a.sensitiveData ?? false,
    group_override: a.groupOverride?.group ?? null,
    group_override_reason: a.groupOverride?.reason ?? null,
  };
}

function assessmentRows(a: SeedActor, actorId: string): SeedAssessmentWrite[] {
  return (a.assessments ?? []).map((s) => ({
    actor_id: actorId,
    assessed_on: s.on,
    maturity: s.maturity,
    ambition: s.ambition,
    axes: s.axes ?? {},
    assessed_by: s.assessedBy,
    comment: s.comment ?? null,
  }));
}

/**
 * Writes the register a roadmap file carries (its actors and their assessments, the actors each action
 * targets, each function's indicators and their measurements) once the roadmap, its functions and its
 * actions are flushed, in the same transaction. The file was checked by `loadRoadmapFile`: every name
 * and key it refers to exists.
 */
export async function writeDiagnostic(tx: EntityManager, plan: RoadmapPlan, queries = new RegisterSeedQueries()): Promise<void> {
  const register = plan.register;
  if (!register) return;
  const actorIds = new Map(register.actors.map((a) => [a.name, randomUUID()]));
  const actorId = (name: string) => {
    const id = actorIds.get(name);
    if (!id) throw new Error(`The register names an unknown actor "${name}"`);
    return id;
  };
  await queries.insertActors(
    plan.roadmap.id,
    register.actors.map((a) => actorRow(a, actorId(a.name))),
    tx,
  );
  await queries.insertAssessments(
    register.actors.flatMap((a) => assessmentRows(a, actorId(a.name))),
    tx,
  );
  const actionIds = new Map(plan.actions.map((a) => [a.kitKey, a.id]));
  const links = Object.entries(register.actionTargets).flatMap(([key, names]) => {
    const actionId = actionIds.get(key);
    if (!actionId) throw new Error(`The register targets an unknown action "${key}"`);
    return names.map((name) => ({ action_id: actionId, actor_id: actorId(name) }));
  });
  await queries.insertActionActors(links, tx);
}
