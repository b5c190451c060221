import type { ChronogramActionView, ChronogramMilestoneView, ChronogramView, PhaseWithRollUpView } from '@jalons/contract';

import { aFunction, aPerson, aPhase, aRoadmap, aRollUp } from '../../testing/factories';

/**
 * A chronogram shaped like GET /api/roadmaps/:id/chronogram, spanning both daylight-saving
 * Sundays of 2026 (29/03 and 25/10). Today (`at`) is 15/06/2026.
 *
 * Phases: 01/09/2025–15/03/2026 (196 d), 16/03/2026–30/09/2026 (199 d),
 * 01/10/2026–30/06/2027 (273 d), 01/07/2027–31/03/2028 (275 d). Elections on 15/03/2026 and
 * (next) 19/03/2028.
 */

export function gPhases(): PhaseWithRollUpView[] {
  return [
    aPhase({
      id: 'ph-1',
      code: 'pre-electorale',
      name: 'Incubation pré-électorale',
      order: 1,
      start: '2025-09-01',
      end: '2026-03-15',
    }),
    aPhase({
      id: 'ph-2',
      code: 'post-electorale',
      name: 'Incubation post-électorale',
      order: 2,
      start: '2026-03-16',
      end: '2026-09-30',
    }),
    aPhase({
      id: 'ph-3',
      code: 'emergence',
      name: 'Phase d’émergence',
      order: 3,
      start: '2026-10-01',
      end: '2027-06-30',
    }),
    aPhase({
      id: 'ph-4',
      code: 'maturation',
      name: 'Phase de maturation',
      order: 4,
      start: '2027-07-01',
      end: '2028-03-31',
    }),
  ];
}

let seq = 0;

export function anAction(overrides: Partial<ChronogramActionView> = {}): ChronogramActionView {
  seq++;
  return {
    id: `act-${seq}`,
    functionId: 'fn-ethique',
    phaseId: 'ph-2',
    title: `Action ${seq}`,
    volet: null,
    start: '2026-04-01',
    due: '2026-06-30',
    status: 'en_cours',
    progress: 50,
    ownerId: 'p-1',
    predecessorIds: [],
    version: 1,
    ...overrides,
  };
}

export function aMilestone(overrides: Partial<ChronogramMilestoneView> = {}): ChronogramMilestoneView {
  seq++;
  return {
    id: `ms-${seq}`,
    functionId: 'fn-ethique',
    phaseId: 'ph-2',
    title: `Jalon ${seq}`,
    date: '2026-07-01',
    achievedOn: null,
    ownerId: null,
    state: 'upcoming',
    version: 1,
    ...overrides,
  };
}

/** Two functions (Éthique, then Juridique), five actions, two milestones, one dependency. */
export function aChronogram(overrides: Partial<ChronogramView> = {}): ChronogramView {
  const roadmap = aRoadmap({
    start: '2025-09-01',
    end: '2028-03-31',
    electionDates: ['2026-03-15'],
    nextElectionDate: '2028-03-19',
    at: '2026-06-15',
    currentPhaseId: 'ph-2',
    phases: gPhases(),
  });
  const actions = [
    anAction({
      id: 'a-charte',
      title: 'Rédiger la charte éthique',
      start: '2026-03-16',
      due: '2026-06-30',
      status: 'en_cours',
      progress: 80,
      ownerId: 'p-2',
    }),
    anAction({
      id: 'a-comite',
      title: 'Installer le comité d’éthique',
      start: '2026-07-01',
      due: '2026-09-30',
      status: 'a_lancer',
      progress: 0,
      predecessorIds: ['a-charte'],
    }),
    anAction({
      id: 'a-diag',
      title: 'Diagnostic des données',
      start: '2025-09-01',
      due: '2026-01-31',
      status: 'terminee',
      progress: 100,
      phaseId: 'ph-1',
    }),
    anAction({
      id: 'a-rgpd',
      functionId: 'fn-juridique',
      title: 'Registre RGPD',
      start: '2026-01-05',
      due: '2026-05-29',
      status: 'bloquee',
      progress: 10,
      ownerId: 'p-3',
    }),
    anAction({
      id: 'a-old',
      functionId: 'fn-juridique',
      title: 'Ancienne convention',
      start: '2025-10-01',
      due: '2025-12-31',
      status: 'abandonnee',
      progress: 0,
      ownerId: null,
    }),
  ];
  const milestones = [
    aMilestone({
      id: 'm-charte',
      title: 'Charte adoptée',
      date: '2026-07-01',
      state: 'upcoming',
    }),
    aMilestone({
      id: 'm-registre',
      functionId: 'fn-juridique',
      title: 'Registre ouvert',
      date: '2026-05-01',
      state: 'late',
    }),
  ];
  return {
    roadmap,
    functions: [
      // given out of order on purpose: the chart sorts by `order`
      aFunction({
        id: 'fn-juridique',
        code: 'juridique',
        name: 'Juridique',
        color: '#1f78b4',
        order: 2,
        rollUp: aRollUp({ progress: 7.5 }),
      }),
      aFunction({
        id: 'fn-ethique',
        code: 'ethique',
        name: 'Éthique',
        color: '#6a3d9a',
        order: 1,
        rollUp: aRollUp({ progress: 42.4 }),
      }),
    ],
    actions,
    milestones,
    dependencies: [{ predecessorId: 'a-charte', successorId: 'a-comite' }],
    persons: [
      aPerson({ id: 'p-1', name: 'Camille Le Goff' }),
      aPerson({ id: 'p-2', name: 'Soizic Le Bihan' }),
      aPerson({ id: 'p-3', name: 'Yann Kerouac' }),
    ],
    ...overrides,
  };
}

/**
 * 11 functions, 1,000 actions (every third after its previous one) and 200 milestones: 1,211 rows,
 * above the count from which the chart draws what is in sight first (ADR 0028).
 */
export function aBigChronogram(): ChronogramView {
  const base = aChronogram();
  const functions = Array.from({ length: 11 }, (_, i) => ({ ...base.functions[0], id: `fn-${i}`, name: `Fonction ${i}`, order: i }));
  const actions = Array.from({ length: 1_000 }, (_, i) =>
    anAction({
      id: `b${i}`,
      functionId: `fn-${i % 11}`,
      title: `Action ${i}`,
      start: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      due: '2027-12-31',
      predecessorIds: i > 0 && i % 3 === 0 ? [`b${i - 1}`] : [],
    }),
  );
  const milestones = Array.from({ length: 200 }, (_, i) => aMilestone({ id: `j${i}`, functionId: `fn-${i % 11}`, date: '2027-06-01' }));
  return { ...base, functions, actions, milestones, dependencies: [] };
}
