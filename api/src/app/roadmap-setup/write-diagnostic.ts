import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';

import type { RoadmapPlan } from './instantiate';
import type { RegisterSeed, SeedActor } from './register-seed';
import { RegisterSeedQueries } from './roadmap-setup.queries';
import type { SeedActorWrite, SeedAssessmentWrite, SeedIndicatorWrite, SeedMeasurementWrite } from './roadmap-setup.queries';

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

/** Each function's indicators with their measurements, recorded by the function's owner. */
function indicatorRows(plan: RoadmapPlan, indicators: Required<RegisterSeed>['indicators']) {
  const functions = new Map(plan.functions.map((f) => [f.code, f]));
  const rows: SeedIndicatorWrite[] = [];
  const measurements: SeedMeasurementWrite[] = [];
  for (const [code, list] of Object.entries(indicators)) {
    const fn = functions.get(code);
    if (!fn) throw new Error(`The register has indicators for an unknown function "${code}"`);
    for (const ind of list) {
      const id = randomUUID();
      rows.push({
        id,
        function_id: fn.id,
        name: ind.name.trim(),
        unit: ind.unit.trim(),
        direction: ind.direction,
        baseline_on: ind.baselineOn,
        baseline_value: ind.baselineValue,
        target_on: ind.targetOn,
        target_value: ind.targetValue,
      });
      for (const m of ind.measurements ?? []) {
        measurements.push({
          indicator_id: id,
          measured_on: m.on,
          value: m.value,
          comment: m.comment ?? null,
          source_url: m.sourceUrl ?? null,
          recorded_by_email: fn.ownerEmail,
        });
      }
    }
  }
  return { rows, measurements };
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
  const indicators = indicatorRows(plan, register.indicators);
  await queries.insertIndicators(indicators.rows, tx);
  await queries.insertMeasurements(indicators.measurements, tx);
}
