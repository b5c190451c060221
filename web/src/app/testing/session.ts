import type { MeView } from '@jalons/contract';
import { HttpXsrfTokenExtractor } from '@angular/common/http';
import { EnvironmentProviders, Provider, inject, makeEnvironmentProviders, provideEnvironmentInitializer } from '@angular/core';

import { AuthService } from '../data/auth.service';

/** GET /api/auth/me — by default the project lead, who may write everything. */
export function aMe(overrides: Partial<MeView> = {}): MeView {
  return {
    id: 'p-1',
    name: 'Camille Le Goff',
    email: 'camille@example.test',
    role: 'lead',
    functionIds: [],
    sessionExpiresAt: '2024-05-01T18:00:00.000Z',
    digest: 'daily',
    ...overrides,
  };
}

/**
 * Someone signed in (or nobody, with null), as if GET /api/auth/me had answered at start. Tests of
 * pages use it in place of the app initializer.
 */
export function provideSession(me: MeView | null = aMe()): EnvironmentProviders {
  return makeEnvironmentProviders([provideEnvironmentInitializer(() => inject(AuthService).setSession(me))]);
}

/** The XSRF-TOKEN cookie as the API sets it (jsdom has none): changes are sent at once. */
export function provideXsrfCookie(token: string | null = 'xsrf-test'): Provider {
  return {
    provide: HttpXsrfTokenExtractor,
    useValue: { getToken: () => token },
  };
}
