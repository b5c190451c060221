import { DOCUMENT } from '@angular/common';
import {
  ApplicationRef,
  DestroyRef,
  Injector,
  PendingTasks,
  Signal,
  afterNextRender,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';

/**
 * How many sections of a long page, below its first screen, are drawn: none with the first screen,
 * then one more per task of the browser, each once the previous one is on screen, until `steps`.
 * A phone (4× slower than this machine, issue 14) then never runs the whole page's drawing in one
 * long task: the first screen shows sooner and the page answers a tap between two sections.
 * Printing (the print dialog, or print media) draws every section at once, before the page is laid
 * out for paper; find-in-page finds them once drawn, a few tasks after the first screen. The page
 * counts as busy (`PendingTasks`) until the last section is drawn, as tests and `whenStable` expect.
 * Call in an injection context (a component's field).
 */
export function drawnInSteps(ready: Signal<boolean>, steps: number): Signal<number> {
  const drawn = signal(0);
  const injector = inject(Injector);
  const appRef = inject(ApplicationRef);
  const pendingTasks = inject(PendingTasks);
  const view = inject(DOCUMENT).defaultView;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy: (() => void) | null = null;

  const finish = (): void => {
    clearTimeout(timer);
    busy?.();
    busy = null;
  };
  const next = (): void => {
    if (drawn() >= steps) return finish();
    timer = setTimeout(() => {
      drawn.update((n) => n + 1);
      afterNextRender(next, { injector });
    });
  };
  effect(() => {
    if (!ready() || busy || untracked(drawn) >= steps) return;
    busy = pendingTasks.add();
    afterNextRender(next, { injector });
  });

  /** before printing: every section, now (the print is laid out right after this event) */
  const all = (): void => {
    if (drawn() >= steps) return;
    drawn.set(steps);
    finish();
    appRef.tick();
  };
  const print = view?.matchMedia?.('print');
  const onPrintMedia = (e: MediaQueryListEvent): void => {
    if (e.matches) all();
  };
  view?.addEventListener('beforeprint', all);
  print?.addEventListener?.('change', onPrintMedia);
  inject(DestroyRef).onDestroy(() => {
    view?.removeEventListener('beforeprint', all);
    print?.removeEventListener?.('change', onPrintMedia);
    finish();
  });
  return drawn.asReadonly();
}
