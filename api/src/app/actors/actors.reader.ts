import { Injectable } from '@nestjs/common';
import {
  FIGURE_LABELS,
  GROUP_THRESHOLDS,
  STUDY_FIGURES,
  derivedGroupOn,
  diagnosticFigures,
  effectiveGroupOn,
  hasMoved,
  positionOn,
} from '@jalons/domain';
import type { FigureActor, FigureCode, FigureValue, GroupOverride, IsoDate } from '@jalons/domain';
import type {
  ActorDetailView,
  ActorPositionView,
  ActorView,
  AssessmentView,
  DiagnosticView,
  FigureView,
  TargetActorView,
} from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { RoadmapReader } from '../roadmaps';
import { ActorsQueries } from './actors.queries';
import type { ActorRow, AssessmentRow, TargetRow } from './actors.queries';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const byName = <T extends { name: string; id: string }>(a: T, b: T) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id);

export function assessmentView(r: AssessmentRow): AssessmentView {
  return {
    id: r.id,
    actorId: r.actor_id,
    on: r.assessed_on,
    maturity: r.maturity,
    ambition: r.ambition,
    axes: r.axes,
    assessedBy: r.assessed_by,
    comment: r.comment,
  };
}

function override(r: ActorRow): GroupOverride | null {
  return r.group_override && r.group_override_reason !== null ? { group: r.group_override, reason: r.group_override_reason } : null;
}

function figureActor(r: ActorRow, assessments: readonly AssessmentView[]): FigureActor {
  return {
    kind: r.kind,
    referent: r.referent,
    metOn: r.met_on,
    workshop: r.workshop,
    personalData: r.personal_data,
    sensitiveData: r.sensitive_data,
    groupOverride: override(r),
    assessments,
  };
}

/** An actor as the register reads it on `today`: its latest assessment by then, the group derived from it, the one in effect. */
function actorView(r: ActorRow, assessments: readonly AssessmentView[], today: IsoDate): ActorView {
  const latest = positionOn(assessments, today);
  const groupOverride = override(r);
  return {
    id: r.id,
    roadmapId: r.roadmap_id,
    name: r.name,
    kind: r.kind,
    referent: r.referent,
    metOn: r.met_on,
    workshop: r.workshop,
    needs: r.needs,
    dataTypes: r.data_types,
    personalData: r.personal_data,
    sensitiveData: r.sensitive_data,
    group: effectiveGroupOn({ groupOverride, assessments }, today),
    derivedGroup: derivedGroupOn(assessments, today),
    groupOverride,
    latest,
    assessmentCount: assessments.length,
    version: r.version,
  };
}

/** The first position on or before `day` and the latest by then. */
function positionView(r: ActorRow, assessments: readonly AssessmentView[], day: IsoDate): ActorPositionView {
  const known = assessments.filter((a) => a.on <= day);
  const first = known.length ? known.reduce((x, y) => (y.on < x.on ? y : x)) : null;
  const current = positionOn(known, day);
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    group: effectiveGroupOn({ groupOverride: override(r), assessments }, day),
    first,
    current,
    moved: hasMoved(first, current),
  };
}

export function figureView(f: FigureValue, targets: ReadonlyMap<FigureCode, TargetRow>): FigureView {
  const study = STUDY_FIGURES[f.code];
  const target = targets.get(f.code);
  return {
    code: f.code,
    label: FIGURE_LABELS[f.code],
    unit: f.unit,
    value: f.value,
    numerator: f.numerator,
    denominator: f.denominator,
    study: study ? { value: study.value, comparison: study.comparison } : null,
    target: target ? { value: target.value, on: target.target_on } : null,
  };
}

/** The register, an actor's page, the map and its figures, as the pages read them. */
@Injectable()
export class ActorsReader {
  constructor(
    private readonly queries: ActorsQueries,
    private readonly roadmaps: RoadmapReader,
  ) {}

  /** The roadmap's actors with their assessments (oldest first), by name; 404 for an unknown roadmap. */
  private async register(roadmapId: string): Promise<Array<{ row: ActorRow; assessments: AssessmentView[] }>> {
    await this.roadmaps.row(roadmapId);
    const [rows, assessments] = await Promise.all([this.queries.actors(roadmapId), this.queries.assessmentsOfRoadmap(roadmapId)]);
    const byActor = new Map<string, AssessmentView[]>();
    for (const a of assessments) byActor.set(a.actor_id, [...(byActor.get(a.actor_id) ?? []), assessmentView(a)]);
    return rows.sort(byName).map((row) => ({ row, assessments: byActor.get(row.id) ?? [] }));
  }

  async list(roadmapId: string, today: IsoDate): Promise<ActorView[]> {
    return (await this.register(roadmapId)).map(({ row, assessments }) => actorView(row, assessments, today));
  }

  async one(id: string, today: IsoDate): Promise<ActorDetailView> {
    const row = await this.queries.actor(id);
    if (!row) throw ApiException.notFound('L’acteur', id);
    const [assessments, targetedBy] = await Promise.all([this.queries.assessmentsOfActor(id), this.queries.targetedBy(id)]);
    const views = assessments.map(assessmentView);
    return {
      ...actorView(row, views, today),
      assessments: views,
      targetedBy: targetedBy.map((t) => ({ id: t.id, title: t.title, functionId: t.function_id })),
    };
  }

  async assessment(id: string): Promise<AssessmentView> {
    const row = await this.queries.assessment(id);
    if (!row) throw ApiException.notFound('L’évaluation', id);
    return assessmentView(row);
  }

  /** The map and the figures on `day`. */
  async diagnostic(roadmapId: string, day: IsoDate): Promise<DiagnosticView> {
    const [register, targets] = await Promise.all([this.register(roadmapId), this.queries.targets(roadmapId)]);
    const days = register.flatMap((x) => x.assessments.map((a) => a.on)).sort();
    return {
      roadmapId,
      on: day,
      thresholds: { matureFrom: GROUP_THRESHOLDS.matureFrom, ambitiousFrom: GROUP_THRESHOLDS.ambitiousFrom },
      actors: register.map(({ row, assessments }) => positionView(row, assessments, day)),
      figures: this.figures(register, targets, day),
      firstAssessmentOn: days[0] ?? null,
      lastAssessmentOn: days[days.length - 1] ?? null,
    };
  }

  /** One figure on `day` (after its target changed). */
  async figure(roadmapId: string, code: FigureCode, day: IsoDate): Promise<FigureView> {
    const [register, targets] = await Promise.all([this.register(roadmapId), this.queries.targets(roadmapId)]);
    const figure = this.figures(register, targets, day).find((f) => f.code === code);
    if (!figure) throw ApiException.notFound('Le chiffre', code);
    return figure;
  }

  private figures(
    register: ReadonlyArray<{ row: ActorRow; assessments: AssessmentView[] }>,
    targets: TargetRow[],
    day: IsoDate,
  ): FigureView[] {
    const byCode = new Map(targets.map((t) => [t.code, t]));
    const values = diagnosticFigures(
      register.map(({ row, assessments }) => figureActor(row, assessments)),
      day,
    );
    return values.map((f) => figureView(f, byCode));
  }

  /** The actors an action targets, by name; 404 for an unknown action. */
  async actionActors(actionId: string): Promise<TargetActorView[]> {
    if (!(await this.queries.actionRoadmap(actionId, false))) throw ApiException.notFound('L’action', actionId);
    return (await this.queries.actionActors(actionId)).sort(byName);
  }
}
