import type { ChronogramView, LinkedItemView } from '@jalons/contract';
import type { LinkedItemType } from '@jalons/domain';

import { roadmapPath } from '../roadmap/roadmap-path';

/** An action or a milestone a meeting's agenda or a decision may be linked to, as a choice of a select. */
export interface LinkableItem {
  /** `action:<id>` or `milestone:<id>`: the option's value */
  key: string;
  type: LinkedItemType;
  id: string;
  title: string;
}

/** The items of one function, for an `<optgroup>`. */
export interface LinkableGroup {
  name: string;
  items: LinkableItem[];
}

export const itemKey = (type: LinkedItemType, id: string): string => `${type}:${id}`;

/** `action:<id>` → the item; '' or anything else → null. */
export function parseItemKey(key: string | null | undefined): { type: LinkedItemType; id: string } | null {
  const match = /^(action|milestone):(.+)$/.exec(key ?? '');
  return match ? { type: match[1] as LinkedItemType, id: match[2] } : null;
}

/** The roadmap's actions and milestones by function (in the functions' order), each function's actions first, then its milestones. */
export function linkableGroups(c: ChronogramView): LinkableGroup[] {
  return [...c.functions]
    .sort((a, b) => a.order - b.order)
    .map((fn) => ({
      name: fn.name,
      items: [
        ...c.actions
          .filter((a) => a.functionId === fn.id)
          .map((a) => ({ key: itemKey('action', a.id), type: 'action' as const, id: a.id, title: a.title })),
        ...c.milestones
          .filter((m) => m.functionId === fn.id)
          .map((m) => ({ key: itemKey('milestone', m.id), type: 'milestone' as const, id: m.id, title: m.title })),
      ],
    }))
    .filter((g) => g.items.length > 0);
}

/** The page of a linked action or milestone. */
export function linkedItemPath(slug: string, item: Pick<LinkedItemView, 'type' | 'id'>): Array<string | number> {
  return roadmapPath(slug, item.type === 'action' ? 'actions' : 'jalons', item.id);
}
