import type { MeView } from '@jalons/contract';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { AuthService } from '../data/auth.service';
import { text } from '../testing/dom';
import { aMe, provideSession } from '../testing/session';
import { ForbiddenPage } from './forbidden-page';
import { administratorGuard, safeReturnUrl, signedInGuard } from './guards';

@Component({ template: '<h1>Page interne</h1>' })
class InternalPage {}

@Component({ template: '<h1>Connexion</h1>' })
class SignInPage {}

@Component({ template: '<h1>Administration</h1>' })
class AdminPage {}

describe('route guards', () => {
  let harness: RouterTestingHarness;
  let router: Router;

  async function setUp(me: MeView | null | 'unknown'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'connexion', component: SignInPage },
          {
            path: '',
            canActivateChild: [signedInGuard],
            children: [
              { path: 'chronogramme', component: InternalPage },
              { path: 'actions/:id', component: InternalPage },
              {
                path: 'administration',
                canActivate: [administratorGuard],
                component: AdminPage,
              },
              { path: 'acces-refuse', component: ForbiddenPage },
            ],
          },
        ]),
        me === 'unknown' ? [] : provideSession(me),
      ],
    });
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  }

  const title = (): string => text((harness.routeNativeElement as HTMLElement).querySelector('h1'));

  it('sends an anonymous visitor to the sign-in page, with the page asked for in ?retour=', async () => {
    await setUp(null);
    await harness.navigateByUrl('/chronogramme?roadmap=rm-1&fonction=fn-2');
    expect(router.url).toBe('/connexion?retour=%2Fchronogramme%3Froadmap%3Drm-1%26fonction%3Dfn-2');
    expect(title()).toBe('Connexion');
  });

  it('waits at start until it is known who is signed in, then lets the person in or sends them to sign in', async () => {
    await setUp('unknown');
    let settled = false;
    const navigation = harness.navigateByUrl('/chronogramme').then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false); // neither the page nor the sign-in page before the answer
    TestBed.inject(AuthService).setSession(aMe({ role: 'elected' }));
    await navigation;
    expect(title()).toBe('Page interne');
  });

  it('lets a signed-in person in, and checks again on every page (a session ended meanwhile)', async () => {
    await setUp(aMe({ role: 'elected' }));
    await harness.navigateByUrl('/chronogramme');
    expect(title()).toBe('Page interne');

    TestBed.inject(AuthService).setSession(null);
    await harness.navigateByUrl('/actions/act-1');
    expect(router.url).toBe('/connexion?retour=%2Factions%2Fact-1');
  });

  it('opens /administration to the administrator', async () => {
    await setUp(aMe({ role: 'admin' }));
    await harness.navigateByUrl('/administration');
    expect(title()).toBe('Administration');
  });

  it.each(['lead', 'owner', 'elected'] as const)('sends a %s from /administration to « Accès refusé »', async (role) => {
    await setUp(aMe({ role }));
    await harness.navigateByUrl('/administration');
    expect(title()).toBe('Accès refusé');
    expect(text((harness.routeNativeElement as HTMLElement).querySelector('[role="alert"]'))).toContain('réservée à l’administrateur·rice');
    expect(router.url).toBe('/acces-refuse');
  });

  it('only ever returns to a page of this app after signing in', () => {
    expect(safeReturnUrl('/chronogramme?roadmap=rm-1')).toBe('/chronogramme?roadmap=rm-1');
    expect(safeReturnUrl(undefined)).toBe('/');
    expect(safeReturnUrl('https://ailleurs.example/piege')).toBe('/');
    expect(safeReturnUrl('//ailleurs.example/piege')).toBe('/');
    expect(safeReturnUrl('/\\ailleurs.example')).toBe('/');
    expect(safeReturnUrl('/connexion?retour=/')).toBe('/');
  });
});
