import { Injector, Signal, assertInInjectionContext, computed, inject, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Observable, Subject, catchError, defer, map, of, startWith, switchMap } from 'rxjs';

import { ApiRequestError, toApiRequestError } from '../data/api-error';
import { I18n } from '../i18n/i18n';

/** Where a part of a page stands: loading, failed (with the sentence to show), or ready. */
export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string; readonly cause: ApiRequestError }
  | { readonly status: 'ready'; readonly value: T };

/** What a page reads of something it loads, and how it asks for it again. */
export interface Loadable<T> {
  readonly state: Signal<LoadState<T>>;
  /** the value once loaded; undefined while loading and after a failure */
  readonly value: Signal<T | undefined>;
  /** the failure's sentence (the API's message, or ours in the language of the interface) */
  readonly error: Signal<string | null>;
  /** true from a new source until its first answer (a reload keeps what is on screen) */
  readonly loading: Signal<boolean>;
  /** Loads again for the same source, keeping the current state on screen until the answer. */
  reload(): void;
}

export interface LoadableOptions {
  /** outside an injection context (a constructor, a field initialiser) */
  injector?: Injector;
}

const LOADING = { status: 'loading' } as const;

/**
 * The loading / error / ready / reload scaffolding of a page, once.
 *
 * `loadable(load)` loads once, at once; `loadable(source, load)` loads for each value of the
 * signal `source` (an input, a computed query), showing « loading » again and dropping the answer
 * still awaited for the previous value. Errors come out as the sentence of `toApiRequestError`, in
 * the language of the moment.
 *
 * ```ts
 * protected readonly action = loadable(this.id, (id) => this.items.action(id));
 * ```
 */
export function loadable<T>(load: () => Observable<T>, options?: LoadableOptions): Loadable<T>;
export function loadable<Q, T>(source: () => Q, load: (query: Q) => Observable<T>, options?: LoadableOptions): Loadable<T>;
export function loadable<Q, T>(
  first: (() => Q) | (() => Observable<T>),
  second?: ((query: Q) => Observable<T>) | LoadableOptions,
  third?: LoadableOptions,
): Loadable<T> {
  const withSource = typeof second === 'function';
  const options = (withSource ? third : second) ?? {};
  if (!options.injector) assertInInjectionContext(loadable);
  const injector = options.injector ?? inject(Injector);
  const i18n = injector.get(I18n);

  const load = (withSource ? second : first) as (query: Q | undefined) => Observable<T>;
  const query$: Observable<Q | undefined> = withSource ? toObservable(computed(first as () => Q), { injector }) : of(undefined);
  const reloads = new Subject<void>();

  const attempt = (query: Q | undefined): Observable<LoadState<T>> =>
    defer(() => untracked(() => load(query))).pipe(
      map((value): LoadState<T> => ({ status: 'ready', value })),
      catchError((err: unknown) => {
        const cause = toApiRequestError(err, untracked(i18n.translate));
        return of<LoadState<T>>({ status: 'error', message: cause.message, cause });
      }),
    );

  const state$ = query$.pipe(
    // a new source: « loading », then its answer; a reload: the answer only
    switchMap((query) =>
      reloads.pipe(
        map(() => true),
        startWith(false),
        switchMap((again) => (again ? attempt(query) : attempt(query).pipe(startWith(LOADING)))),
      ),
    ),
  );
  const state = toSignal(state$, { initialValue: LOADING as LoadState<T>, injector });

  return {
    state,
    value: computed(() => {
      const s = state();
      return s.status === 'ready' ? s.value : undefined;
    }),
    error: computed(() => {
      const s = state();
      return s.status === 'error' ? s.message : null;
    }),
    loading: computed(() => state().status === 'loading'),
    reload: () => reloads.next(),
  };
}
