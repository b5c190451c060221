import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { AuthService, SESSION_EXPIRED } from '../data/auth.service';
import { I18n } from '../i18n/i18n';
import { must, text } from '../testing/dom';
import { refusal, setUpRoutedTest } from '../testing/http';
import { aMe } from '../testing/session';
import { LoginPage } from './login-page';

@Component({ template: '<h1>Page demandée</h1>' })
class TargetPage {}

describe('LoginPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  beforeEach(() => {
    http = setUpRoutedTest([
      { path: 'connexion', component: LoginPage },
      { path: 'chronogramme', component: TargetPage },
      { path: '', component: TargetPage },
    ]);
  });

  afterEach(() => http.verify());

  async function open(url = '/connexion'): Promise<void> {
    harness = await RouterTestingHarness.create(url);
    page = harness.routeNativeElement as HTMLElement;
  }

  const input = (id: string): HTMLInputElement => must(page.querySelector<HTMLInputElement>(`#${id}`), id);

  async function signIn(email: string, password: string): Promise<void> {
    input('login-email').value = email;
    input('login-email').dispatchEvent(new Event('input'));
    input('login-password').value = password;
    input('login-password').dispatchEvent(new Event('input'));
    must(page.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await harness.fixture.whenStable();
  }

  const alertText = (): string => text(page.querySelector('[role="alert"]'));

  it('labels its fields and offers « Se connecter » and « Mot de passe oublié ? »', async () => {
    await open();
    expect(text(page.querySelector('h1'))).toBe('Connexion');
    expect(text(page.querySelector('label[for="login-email"]'))).toBe('Adresse électronique');
    expect(input('login-email').type).toBe('email');
    expect(text(page.querySelector('label[for="login-password"]'))).toBe('Mot de passe');
    expect(input('login-password').type).toBe('password');
    expect(input('login-password').autocomplete).toBe('current-password');
    expect(text(page.querySelector('button[type="submit"]'))).toBe('Se connecter');
    const forgot = Array.from(page.querySelectorAll('a')).find((a) => text(a) === 'Mot de passe oublié ?');
    expect(forgot?.getAttribute('href')).toBe('/mot-de-passe-oublie');
  });

  it('signs in and opens the page asked for in ?retour=', async () => {
    await open('/connexion?retour=%2Fchronogramme%3Froadmap%3Drm-1');
    await signIn('  camille@example.test ', 'une phrase de passe');
    const req = http.expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(req.request.body).toEqual({
      email: 'camille@example.test',
      password: 'une phrase de passe',
    });
    req.flush(aMe());
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/chronogramme?roadmap=rm-1');
    expect(TestBed.inject(AuthService).me()?.name).toBe('Camille Le Goff');
  });

  it('goes home after signing in when ?retour= is missing or points elsewhere', async () => {
    await open('/connexion?retour=https:%2F%2Failleurs.example');
    await signIn('camille@example.test', 'une phrase de passe');
    http.expectOne('/api/auth/login').flush(aMe());
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('shows the API’s message on a wrong e-mail or password, and empties the password to type it again', async () => {
    await open();
    await signIn('camille@example.test', 'mauvais');
    http.expectOne('/api/auth/login').flush(...refusal(401, 'invalid_credentials', 'Adresse électronique ou mot de passe incorrect.'));
    await harness.fixture.whenStable();

    expect(alertText()).toBe('Adresse électronique ou mot de passe incorrect.');
    expect(input('login-password').value).toBe('');
    expect(input('login-email').value).toBe('camille@example.test');
    expect(TestBed.inject(Router).url).toBe('/connexion');
    expect(TestBed.inject(AuthService).signedIn()).toBe(false);
  });

  it('shows the API’s sentence after too many attempts (429)', async () => {
    await open();
    await signIn('camille@example.test', 'encore faux');
    http
      .expectOne('/api/auth/login')
      .flush(...refusal(429, 'too_many_attempts', 'Trop de tentatives de connexion : réessayez dans 15 minutes.'));
    await harness.fixture.whenStable();
    expect(alertText()).toBe('Trop de tentatives de connexion : réessayez dans 15 minutes.');
    expect(must(page.querySelector<HTMLButtonElement>('button[type="submit"]')).disabled).toBe(false);
  });

  it('asks for both fields before sending anything, next to each, and puts the keyboard on the first', async () => {
    await open();
    await signIn('   ', '');
    http.expectNone('/api/auth/login');
    const email = input('login-email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(text(page.querySelector('#login-email-error'))).toBe('Indiquez votre adresse électronique.');
    expect(email.getAttribute('aria-describedby')).toBe('login-email-error');
    expect(text(page.querySelector('#login-password-error'))).toBe('Indiquez votre mot de passe.');
    expect(document.activeElement).toBe(email);
  });

  it('shows the API’s field errors next to their fields (400)', async () => {
    await open();
    await signIn('camille', 'une phrase de passe');
    http.expectOne('/api/auth/login').flush(
      ...refusal(400, 'validation_failed', 'La requête est invalide.', {
        errors: [
          {
            field: 'email',
            message: 'email doit être une adresse électronique valide (nom@domaine.fr).',
          },
        ],
      }),
    );
    await harness.fixture.whenStable();
    expect(text(page.querySelector('#login-email-error'))).toBe('email doit être une adresse électronique valide (nom@domaine.fr).');
    expect(alertText()).toBe('La requête est invalide.');
  });

  describe('in English', () => {
    afterEach(() => {
      localStorage.clear();
      document.documentElement.lang = 'fr';
    });

    it('speaks English, its own checks and notices too; the API’s sentences stay as the API sends them', async () => {
      await TestBed.inject(I18n).use('en');
      TestBed.inject(AuthService).leaveNotice(SESSION_EXPIRED);
      await open();
      expect(text(page.querySelector('h1'))).toBe('Sign in');
      expect(text(page.querySelector('[data-testid="notice"]'))).toBe('Your session has expired: sign in again.');
      expect(text(page.querySelector('label[for="login-email"]'))).toBe('E-mail address');
      expect(text(page.querySelector('button[type="submit"]'))).toBe('Sign in');
      expect(text(page.querySelector('a[href="/mot-de-passe-oublie"]'))).toBe('Forgotten password?');

      await signIn('   ', '');
      expect(text(page.querySelector('#login-email-error'))).toBe('Enter your e-mail address.');
      expect(text(page.querySelector('#login-password-error'))).toBe('Enter your password.');

      await signIn('camille@example.test', 'mauvais');
      http.expectOne('/api/auth/login').flush(...refusal(401, 'invalid_credentials', 'Adresse électronique ou mot de passe incorrect.'));
      await harness.fixture.whenStable();
      expect(alertText()).toBe('Adresse électronique ou mot de passe incorrect.');

      await signIn('camille@example.test', 'encore');
      http.expectOne('/api/auth/login').error(new ProgressEvent('error'), { status: 0 });
      await harness.fixture.whenStable();
      expect(alertText()).toBe('the server does not answer, check your connection.');
    });
  });
});
