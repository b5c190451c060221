import { HttpErrorResponse } from '@angular/common/http';
import { EnvironmentInjector, Injector, createEnvironmentInjector, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, Subject } from 'rxjs';

import { Loadable, loadable } from './loadable';

/** A load whose answers the test gives, one request per subscription, in order. */
function fakeLoad<Q>() {
  interface Request {
    query: Q;
    answer: Subject<string>;
    /** unsubscribed before it failed */
    cancelled: boolean;
  }
  const requests: Request[] = [];
  const load = (query: Q): Observable<string> =>
    new Observable<string>((subscriber) => {
      const request: Request = { query, answer: new Subject<string>(), cancelled: false };
      requests.push(request);
      let failed = false;
      const sub = request.answer.subscribe({
        next: (v) => subscriber.next(v),
        error: (e: unknown) => {
          failed = true;
          subscriber.error(e);
        },
      });
      return () => {
        sub.unsubscribe();
        if (!failed) request.cancelled = true;
      };
    });
  const last = (): Request => requests[requests.length - 1];
  return { requests, load, last };
}

const apiError = (status: number, message?: string) =>
  new HttpErrorResponse({
    status,
    error: message ? { statusCode: status, error: 'x', message } : null,
  });

/** What a template would read. */
const seen = <T>(l: Loadable<T>) => ({
  status: l.state().status,
  value: l.value(),
  error: l.error(),
  loading: l.loading(),
});

describe('loadable', () => {
  let injector: Injector;

  beforeEach(() => {
    injector = TestBed.inject(Injector);
  });

  describe('without a source', () => {
    it('loads at once, then shows the value', () => {
      const fake = fakeLoad<undefined>();
      const l = loadable(() => fake.load(undefined), { injector });

      expect(fake.requests).toHaveLength(1);
      expect(seen(l)).toEqual({ status: 'loading', value: undefined, error: null, loading: true });

      fake.last().answer.next('les comptes');
      expect(seen(l)).toEqual({ status: 'ready', value: 'les comptes', error: null, loading: false });
    });

    it('gives the API’s message, and the failure itself, when the load fails', () => {
      const fake = fakeLoad<undefined>();
      const l = loadable(() => fake.load(undefined), { injector });

      fake.last().answer.error(apiError(404, 'Cette page publique n’existe pas.'));

      expect(seen(l)).toEqual({ status: 'error', value: undefined, error: 'Cette page publique n’existe pas.', loading: false });
      const state = l.state();
      expect(state.status === 'error' && state.cause.status).toBe(404);
    });

    it('says the server could not be reached when it sent no message', () => {
      const fake = fakeLoad<undefined>();
      const l = loadable(() => fake.load(undefined), { injector });

      fake.last().answer.error(apiError(0));

      expect(l.error()).toBe('le serveur ne répond pas, vérifiez votre connexion.');
    });

    it('reloads without going back to « loading », and replaces an error by the new answer', () => {
      const fake = fakeLoad<undefined>();
      const l = loadable(() => fake.load(undefined), { injector });
      fake.last().answer.next('v1');

      l.reload();
      expect(fake.requests).toHaveLength(2);
      // the page keeps what it shows until the answer
      expect(seen(l)).toEqual({ status: 'ready', value: 'v1', error: null, loading: false });

      fake.last().answer.error(apiError(500, 'Erreur du serveur.'));
      expect(seen(l)).toEqual({ status: 'error', value: undefined, error: 'Erreur du serveur.', loading: false });

      l.reload();
      expect(l.error()).toBe('Erreur du serveur.');
      fake.last().answer.next('v2');
      expect(seen(l)).toEqual({ status: 'ready', value: 'v2', error: null, loading: false });
    });

    it('drops the answer of a reload overtaken by another', () => {
      const fake = fakeLoad<undefined>();
      const l = loadable(() => fake.load(undefined), { injector });
      fake.requests[0].answer.next('v1');

      l.reload();
      l.reload();
      expect(fake.requests[1].cancelled).toBe(true);
      fake.requests[1].answer.next('stale');
      expect(l.value()).toBe('v1');
      fake.requests[2].answer.next('v3');
      expect(l.value()).toBe('v3');
    });
  });

  describe('with a source', () => {
    it('loads for each value of the source, « loading » again in between, the older answer dropped', () => {
      const id = signal('act-1');
      const fake = fakeLoad<string>();
      const l = loadable(id, fake.load, { injector });

      // the source is read once effects run (like toObservable)
      expect(fake.requests).toHaveLength(0);
      TestBed.tick();
      expect(fake.requests.map((r) => r.query)).toEqual(['act-1']);
      fake.last().answer.next('action 1');
      expect(l.value()).toBe('action 1');

      id.set('act-2');
      TestBed.tick();
      expect(fake.requests.map((r) => r.query)).toEqual(['act-1', 'act-2']);
      expect(seen(l)).toEqual({ status: 'loading', value: undefined, error: null, loading: true });

      id.set('act-3');
      TestBed.tick();
      expect(fake.requests[1].cancelled).toBe(true);
      fake.last().answer.next('action 3');
      expect(seen(l)).toEqual({ status: 'ready', value: 'action 3', error: null, loading: false });
    });

    it('asks nothing again while the source keeps its value', () => {
      const id = signal('act-1');
      const fake = fakeLoad<string>();
      loadable(id, fake.load, { injector });
      TestBed.tick();

      id.set('act-1');
      TestBed.tick();
      expect(fake.requests).toHaveLength(1);
    });

    it('reloads for the current value of the source', () => {
      const id = signal('act-1');
      const fake = fakeLoad<string>();
      const l = loadable(id, fake.load, { injector });
      TestBed.tick();
      fake.last().answer.next('version 3');

      l.reload();
      expect(fake.requests.map((r) => r.query)).toEqual(['act-1', 'act-1']);
      expect(l.value()).toBe('version 3');
      fake.last().answer.next('version 4');
      expect(l.value()).toBe('version 4');
    });
  });

  it('stops loading once its injector is destroyed', () => {
    const child = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    const fake = fakeLoad<undefined>();
    loadable(() => fake.load(undefined), { injector: child });
    expect(fake.requests[0].cancelled).toBe(false);
    child.destroy();
    expect(fake.requests[0].cancelled).toBe(true);
  });
});
