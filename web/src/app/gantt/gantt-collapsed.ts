/**
 * The functions folded in a roadmap's chart, kept in the browser (localStorage) from one visit to
 * the next, per roadmap: function ids only, nothing about a person. Storage refused (private
 * browsing, quota): the chart opens unfolded, as before.
 */

const KEY = 'jalons.gantt.collapsed.';

export function loadCollapsed(roadmapId: string, storage: Storage | null = safeStorage()): ReadonlySet<string> {
  try {
    const raw = storage?.getItem(KEY + roadmapId);
    const ids: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveCollapsed(roadmapId: string, collapsed: ReadonlySet<string>, storage: Storage | null = safeStorage()): void {
  try {
    if (collapsed.size === 0) storage?.removeItem(KEY + roadmapId);
    else storage?.setItem(KEY + roadmapId, JSON.stringify([...collapsed]));
  } catch {
    // nothing kept: the chart still folds for this visit
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
