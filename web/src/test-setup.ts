import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

/**
 * jsdom has no IntersectionObserver; Angular's `@defer (on viewport)` blocks (the overview's sections,
 * ADR 0036) watch their placeholders with one. This one never reports: a deferred block stays its
 * placeholder unless a spec renders it (`DeferBlockBehavior.Manual` and `renderDeferred`, overview/testing).
 */
class NeverIntersecting {
  readonly root = null;
  readonly rootMargin = '0px';
  readonly thresholds: readonly number[] = [0];
  observe(): void {
    // nothing comes into view
  }
  unobserve(): void {
    // nothing is watched
  }
  disconnect(): void {
    // nothing is watched
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
}
globalThis.IntersectionObserver ??= NeverIntersecting as unknown as typeof IntersectionObserver;
