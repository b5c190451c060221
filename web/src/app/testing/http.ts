import type { ApiError } from '@jalons/contract';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider, Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Routes, provideRouter, withComponentInputBinding } from '@angular/router';

import { provideFrenchLocale } from '../locale';
import { aMe, provideSession, provideXsrfCookie } from './session';

const STATUS_TEXTS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/**
 * An API refusal (or failure) as `TestRequest.flush` takes it: the error body the API sends (one shape for every
 * 4xx), then the status. `http.expectOne(url).flush(...refusal(409, 'version_conflict', 'Version périmée.', { currentVersion: 4 }))`
 */
export function refusal(
  status: number,
  error: string,
  message: string,
  more: Pick<ApiError, 'errors' | 'currentVersion' | 'retryAfterSeconds'> = {},
): [ApiError, { status: number; statusText: string }] {
  return [
    { statusCode: status, error, message, ...more },
    { status, statusText: STATUS_TEXTS[status] ?? 'Error' },
  ];
}

/** A 422 as the API sends it when a planning rule is broken: its summary, then the field at fault. */
export function ruleBroken(field: string, message: string): ReturnType<typeof refusal> {
  return refusal(422, 'rule_broken', 'Une règle n’est pas respectée.', { errors: [{ field, message }] });
}

/** HttpClient answered by the test (`TestBed.inject(HttpTestingController)`). */
export function provideHttpTesting(): (Provider | EnvironmentProviders)[] {
  return [provideHttpClient(), provideHttpClientTesting()];
}

/**
 * What a page needs in a spec: HttpClient answered by the test, a router with no routes, the French
 * locale, and someone signed in (by default the project lead, to whom every change is offered).
 */
export function providePageTesting(me: Parameters<typeof provideSession>[0] = aMe()): (Provider | EnvironmentProviders)[] {
  return [...provideHttpTesting(), provideRouter([]), provideFrenchLocale(), provideSession(me)];
}

/**
 * Configures the test bed for one page (call it in `beforeEach`) with `providePageTesting`, and gives
 * the controller that answers its requests.
 */
export function setUpPageTest(page: Type<unknown>, me: Parameters<typeof provideSession>[0] = aMe()): HttpTestingController {
  TestBed.configureTestingModule({ imports: [page], providers: providePageTesting(me) });
  return TestBed.inject(HttpTestingController);
}

/**
 * Configures the test bed for pages reached by their address (open them with
 * `RouterTestingHarness`): HttpClient answered by the test, the XSRF cookie (changes are sent at
 * once), these routes with their parameters bound to inputs, and a session (by default nobody).
 */
export function setUpRoutedTest(routes: Routes, me: Parameters<typeof provideSession>[0] = null): HttpTestingController {
  TestBed.configureTestingModule({
    providers: [...provideHttpTesting(), provideXsrfCookie(), provideRouter(routes, withComponentInputBinding()), provideSession(me)],
  });
  return TestBed.inject(HttpTestingController);
}
