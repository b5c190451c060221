import type { BaselineSlipsView, BaselineView, ItemSlipView, SlipSummaryView } from '@jalons/contract';

/** Baselines and slips as the API sends them, for specs. */

export function aBaseline(over: Partial<BaselineView> = {}): BaselineView {
  return {
    id: 'bl-1',
    roadmapId: 'rm-1',
    number: 1,
    label: 'v1 — plan voté',
    decision: 'Délibération du conseil du 25/06/2026',
    decisionId: null,
    createdAt: '2026-06-25T10:00:00.000Z',
    createdBy: { id: 'p-1', name: 'Camille Le Goff' },
    actions: 40,
    milestones: 12,
    latest: true,
    ...over,
  };
}

export function anItemSlip(over: Partial<ItemSlipView> = {}): ItemSlipView {
  return {
    type: 'action',
    id: 'act-1',
    title: 'Rédiger la charte',
    functionId: 'fn-ethique',
    phaseId: 'ph-2',
    state: 'planned',
    baseline: { start: '2026-09-01', due: '2026-12-15' },
    current: { start: '2026-09-01', due: '2026-12-27' },
    slipDays: 12,
    label: '+12 j',
    ...over,
  };
}

export function aSlipSummary(over: Partial<SlipSummaryView> = {}): SlipSummaryView {
  return { id: 'fn-ethique', name: 'Éthique', compared: 3, slipped: 1, totalDays: 12, maxDays: 12, added: 1, deleted: 1, ...over };
}

/** Slips against bl-1: one action 12 days late, one milestone unchanged, one item added, one deleted. */
export function someSlips(baseline: BaselineView = aBaseline()): BaselineSlipsView {
  return {
    baseline,
    items: [
      anItemSlip(),
      anItemSlip({
        type: 'milestone',
        id: 'ms-1',
        title: 'Charte adoptée',
        state: 'planned',
        baseline: { start: null, due: '2027-01-15' },
        current: { start: null, due: '2027-01-15' },
        slipDays: 0,
        label: '0 j',
      }),
      anItemSlip({ id: 'act-2', title: 'Ancienne convention', state: 'deleted', current: null, slipDays: null, label: 'supprimé' }),
      anItemSlip({ id: 'act-3', title: 'Registre RGPD', state: 'new', baseline: null, slipDays: null, label: 'nouveau' }),
    ],
    functions: [
      aSlipSummary(),
      aSlipSummary({ id: 'fn-juridique', name: 'Juridique', compared: 0, slipped: 0, totalDays: 0, maxDays: 0, added: 0, deleted: 0 }),
    ],
    phases: [aSlipSummary({ id: 'ph-2', name: 'Incubation post-électorale' })],
  };
}
