import type {
  FunctionWithRollUpView,
  PersonView,
  PhaseWithRollUpView,
  RoadmapDetailView,
} from '@jalons/contract';
import type { RollUp } from '@jalons/domain';

/**
 * Test data shaped like the API's answers. The default roadmap spans 400 days, from 01/01/2024 to
 * 03/02/2025, with phases of 100, 50, 150 and 100 days; today (at) is in the second phase.
 */

export function aRollUp(overrides: Partial<RollUp> = {}): RollUp {
  return {
    count: 10,
    done: 4,
    overdue: 0,
    blocked: 0,
    progress: 40,
    expected: 45,
    health: 'on_track',
    ...overrides,
  };
}

export function aPerson(overrides: Partial<PersonView> = {}): PersonView {
  return {
    id: 'p-1',
    name: 'Camille Le Goff',
    email: 'camille@example.test',
    ...overrides,
  };
}

export function aPhase(
  overrides: Partial<PhaseWithRollUpView> = {},
): PhaseWithRollUpView {
  return {
    id: 'phase-1',
    code: 'pre-electorale',
    name: 'Incubation pré-électorale',
    description: '',
    order: 1,
    start: '2024-01-01',
    end: '2024-04-09',
    rollUp: aRollUp(),
    milestones: { total: 2, achieved: 1, late: 0 },
    ...overrides,
  };
}

export function fourPhases(): PhaseWithRollUpView[] {
  return [
    aPhase({
      id: 'phase-1',
      code: 'pre-electorale',
      name: 'Incubation pré-électorale',
      order: 1,
      start: '2024-01-01',
      end: '2024-04-09',
      rollUp: aRollUp({ progress: 100, expected: 100, done: 10 }),
      milestones: { total: 2, achieved: 2, late: 0 },
    }),
    aPhase({
      id: 'phase-2',
      code: 'post-electorale',
      name: 'Incubation post-électorale',
      order: 2,
      start: '2024-04-10',
      end: '2024-05-29',
      rollUp: aRollUp({
        progress: 61.1,
        expected: 93,
        overdue: 5,
        blocked: 2,
        health: 'late',
      }),
      milestones: { total: 7, achieved: 4, late: 2 },
    }),
    aPhase({
      id: 'phase-3',
      code: 'emergence',
      name: 'Phase d’émergence',
      order: 3,
      start: '2024-05-30',
      end: '2024-10-26',
      rollUp: aRollUp({ progress: 0, expected: 0, done: 0 }),
      milestones: { total: 5, achieved: 0, late: 0 },
    }),
    aPhase({
      id: 'phase-4',
      code: 'maturation',
      name: 'Phase de maturation',
      order: 4,
      start: '2024-10-27',
      end: '2025-02-03',
      rollUp: aRollUp({ progress: 0, expected: 0, done: 0 }),
      milestones: { total: 3, achieved: 0, late: 0 },
    }),
  ];
}

export function aRoadmap(
  overrides: Partial<RoadmapDetailView> = {},
): RoadmapDetailView {
  return {
    id: 'rm-1',
    slug: 'brest-2026-2032',
    territory: 'Ville et Métropole de Brest',
    mandateLabel: 'Mandat 2026–2032',
    electionDates: ['2024-04-10'],
    nextElectionDate: '2025-02-04',
    start: '2024-01-01',
    end: '2025-02-03',
    projectLead: aPerson(),
    at: '2024-05-01',
    currentPhaseId: 'phase-2',
    phases: fourPhases(),
    rollUp: aRollUp({ progress: 48.2, expected: 70.4, health: 'at_risk' }),
    milestones: { total: 17, achieved: 6, late: 2 },
    ...overrides,
  };
}

export function aFunction(
  overrides: Partial<FunctionWithRollUpView> = {},
): FunctionWithRollUpView {
  return {
    id: 'fn-ethique',
    code: 'ethique',
    name: 'Éthique',
    family: 'socle',
    central: false,
    description: '',
    volets: [],
    owner: aPerson({ id: 'p-2', name: 'Soizic Le Bihan' }),
    color: '#6a3d9a',
    order: 1,
    rollUp: aRollUp(),
    byPhase: {},
    milestones: { total: 2, achieved: 1, late: 0 },
    ...overrides,
  };
}
