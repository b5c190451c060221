import type { ChronogramView, FunctionWithRollUpView, PhaseWithRollUpView } from '@jalons/contract';

import { tKey } from '../i18n/i18n';

/** What a detail page needs to name things around an item: its function, its phase, other actions. */
export interface ItemContext {
  roadmapId: string;
  roadmap: ChronogramView['roadmap'];
  fn: FunctionWithRollUpView | null;
  phase: PhaseWithRollUpView | null;
  actionTitles: ReadonlyMap<string, string>;
  /** the roadmap's chronogram: its functions and actions, for the forms that edit the item */
  chronogram: ChronogramView;
}

export function itemContext(view: ChronogramView, functionId: string, phaseId: string): ItemContext {
  return {
    roadmapId: view.roadmap.id,
    roadmap: view.roadmap,
    fn: view.functions.find((f) => f.id === functionId) ?? null,
    phase: view.roadmap.phases.find((p) => p.id === phaseId) ?? null,
    actionTitles: new Map(view.actions.map((a) => [a.id, a.title])),
    chronogram: view,
  };
}

export const CONFLICT_MESSAGE = tKey(
  'Cet élément a été modifié entre-temps par quelqu’un d’autre. Rechargez-le pour voir sa version actuelle, puis refaites votre modification.',
);
