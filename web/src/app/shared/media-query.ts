import { DOCUMENT } from '@angular/common';
import { DestroyRef, Signal, inject, signal } from '@angular/core';

/** Below this width the app lays itself out for a phone (docs/phones.md, ADR 0023); the same figure as the styles' `@media`. */
export const PHONE_QUERY = '(max-width: 639.98px)';

/**
 * Whether a media query matches, as a signal that follows the window (a phone turned, a window
 * resized). False where the browser has no `matchMedia` (tests' jsdom, the server): the wide layout.
 * Call it in an injection context (a component's field).
 */
export function mediaQuery(query: string): Signal<boolean> {
  const view = inject(DOCUMENT).defaultView;
  if (!view || typeof view.matchMedia !== 'function') return signal(false).asReadonly();
  const list = view.matchMedia(query);
  const matches = signal(list.matches);
  const changed = (e: MediaQueryListEvent): void => matches.set(e.matches);
  list.addEventListener('change', changed);
  inject(DestroyRef).onDestroy(() => list.removeEventListener('change', changed));
  return matches.asReadonly();
}
