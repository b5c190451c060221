import { DOCUMENT, isPlatformServer } from '@angular/common';
import {
  ApplicationRef,
  DestroyRef,
  Injector,
  PLATFORM_ID,
  PendingTasks,
  Signal,
  afterNextRender,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';

/** What `drawnInSteps` waits for between two sections. */
export interface DrawnInStepsOptions {
  /**
   * Whether the sections below the screen wait for the reader (ADR 0038, amended 2026-11-30): after the
   * first screen, a section is drawn while the page's bottom is within half a screen of the visible area;
   * the first scroll, wheel, touch, pointer press or key (Tab, Ctrl+F for find-in-page, a screen reader's
   * keys that reach the page) draws all the others, one per task as without this option. Before that,
   * the page is not busy (`PendingTasks`): it may wait for the reader for ever. Default: false.
   */
  waitForReader?: boolean;
}

/** The events that show a reader is there and may go past the first screen. */
const READER_EVENTS = ['scroll', 'wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

/**
 * How many sections of a long page, below its first screen, are drawn: none with the first screen,
 * then one more per task of the browser, each once the previous one is on screen, until `steps`
 * (with `waitForReader`, only those the screen shows until the reader scrolls, touches or types).
 * A phone (4× slower than this machine, issue 14) then never runs the whole page's drawing in one
 * long task: the first screen shows sooner and the page answers a tap between two sections.
 * Printing (the print dialog, or print media) draws every section at once, before the page is laid
 * out for paper; find-in-page finds them once drawn, a few tasks after the first screen. The page
 * counts as busy (`PendingTasks`) until the last section is drawn, as tests and `whenStable` expect.
 * A page drawn by the server (ADR 0040) has every section at once: it is sent whole, with no script to draw more.
 * Call in an injection context (a component's field).
 */
export function drawnInSteps(ready: Signal<boolean>, steps: number, options: DrawnInStepsOptions = {}): Signal<number> {
  if (isPlatformServer(inject(PLATFORM_ID))) return signal(steps).asReadonly();
  const drawn = signal(0);
  const injector = inject(Injector);
  const appRef = inject(ApplicationRef);
  const pendingTasks = inject(PendingTasks);
  const view = inject(DOCUMENT).defaultView;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy: (() => void) | null = null;
  /** waitForReader: whether the reader showed up (then every section is drawn), and whether the steps wait for them */
  let readerHere = !options.waitForReader;
  let waiting = false;

  const finish = (): void => {
    clearTimeout(timer);
    busy?.();
    busy = null;
  };
  /** the page's bottom within half a screen of what is shown (no layout: a test's DOM; 0 high, it is near) */
  const bottomNear = (): boolean => {
    const root = view?.document.documentElement;
    if (!view || !root) return true;
    return root.scrollHeight - (view.scrollY + view.innerHeight) < view.innerHeight / 2;
  };
  const next = (): void => {
    if (drawn() >= steps) return finish();
    if (!readerHere && !bottomNear()) {
      // the screen is full: the next section waits for the reader, and the page is not busy meanwhile
      waiting = true;
      busy?.();
      busy = null;
      return;
    }
    timer = setTimeout(() => {
      drawn.update((n) => n + 1);
      afterNextRender(next, { injector });
    });
  };
  effect(() => {
    if (!ready() || busy || waiting || untracked(drawn) >= steps) return;
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
  /** the reader scrolled, touched or typed: the sections left, one per task */
  const onReader = (): void => {
    readerHere = true;
    for (const name of READER_EVENTS) view?.removeEventListener(name, onReader, true);
    if (!waiting) return;
    waiting = false;
    busy = pendingTasks.add();
    next();
  };
  if (!readerHere) for (const name of READER_EVENTS) view?.addEventListener(name, onReader, { capture: true, passive: true });
  view?.addEventListener('beforeprint', all);
  print?.addEventListener?.('change', onPrintMedia);
  inject(DestroyRef).onDestroy(() => {
    view?.removeEventListener('beforeprint', all);
    print?.removeEventListener?.('change', onPrintMedia);
    for (const name of READER_EVENTS) view?.removeEventListener(name, onReader, true);
    finish();
  });
  return drawn.asReadonly();
}
