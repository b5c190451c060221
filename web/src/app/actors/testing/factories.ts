import type { ActorDetailView, ActorView, AssessmentView, TargetActorView } from '@jalons/contract';

/** An assessment as GET /api/actors/:id lists it. */
export function anAssessment(overrides: Partial<AssessmentView> = {}): AssessmentView {
  return {
    id: 'as-1',
    actorId: 'ac-1',
    on: '2025-10-15',
    maturity: 3,
    ambition: 4,
    axes: {},
    assessedBy: 'Équipe INET',
    comment: null,
    ...overrides,
  };
}

/** An actor of the register (GET /api/roadmaps/:id/actors). */
export function anActor(overrides: Partial<ActorView> = {}): ActorView {
  return {
    id: 'ac-1',
    roadmapId: 'rm-1',
    name: 'DSIT',
    kind: 'direction',
    referent: null,
    metOn: '2025-10-15',
    workshop: true,
    needs: ['competences'],
    dataTypes: ['metiers', 'geographiques'],
    personalData: true,
    sensitiveData: false,
    group: 'leaders',
    derivedGroup: 'leaders',
    groupOverride: null,
    latest: anAssessment(),
    assessmentCount: 1,
    version: 1,
    ...overrides,
  };
}

/** An actor's page (GET /api/actors/:id). */
export function anActorDetail(overrides: Partial<ActorDetailView> = {}): ActorDetailView {
  return { ...anActor(), assessments: [anAssessment()], targetedBy: [], ...overrides };
}

/** An actor an action targets (GET /api/actions/:id/actors). */
export function aTargetActor(overrides: Partial<TargetActorView> = {}): TargetActorView {
  return { id: 'ac-1', name: 'DSIT', kind: 'direction', referent: null, ...overrides };
}
