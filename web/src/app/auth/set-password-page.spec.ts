import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { must, text } from '../testing/dom';
import { refusal, setUpRoutedTest } from '../testing/http';
import { ForgotPasswordPage } from './forgot-password-page';
import { LoginPage } from './login-page';
import { SetPasswordPage } from './set-password-page';

const TOKEN = 'jeton-de-quarante-caracteres-0123456789ab';

describe('the pages of the e-mails’ links', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  beforeEach(() => {
    http = setUpRoutedTest([
      { path: 'connexion', component: LoginPage },
      { path: 'mot-de-passe-oublie', component: ForgotPasswordPage },
      {
        path: 'invitation',
        component: SetPasswordPage,
        data: { mode: 'invitation' },
      },
      {
        path: 'nouveau-mot-de-passe',
        component: SetPasswordPage,
        data: { mode: 'reset' },
      },
    ]);
  });

  afterEach(() => http.verify());

  async function open(url: string): Promise<void> {
    harness = await RouterTestingHarness.create(url);
    page = harness.routeNativeElement as HTMLElement;
  }

  function type(id: string, value: string): void {
    const input = must(page.querySelector<HTMLInputElement>(`#${id}`), id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    must(page.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await harness.fixture.whenStable();
  }

  describe('/invitation', () => {
    it('shows the minimum length, and refuses a short password or two different ones before sending', async () => {
      await open(`/invitation?token=${TOKEN}`);
      expect(text(page.querySelector('h1'))).toBe('Activer votre compte');
      expect(text(page.querySelector('#setpw-password-hint'))).toContain('Au moins 12 caractères');

      type('setpw-password', 'court');
      type('setpw-confirmation', 'court');
      await submit();
      expect(text(page.querySelector('#setpw-password-error'))).toBe(
        'Le mot de passe doit compter au moins 12 caractères (il en compte 5).',
      );
      expect(document.activeElement).toBe(page.querySelector('#setpw-password'));

      type('setpw-password', 'une phrase de passe');
      type('setpw-confirmation', 'une phrase de passe !');
      await submit();
      expect(text(page.querySelector('#setpw-confirmation-error'))).toBe('Les deux mots de passe ne sont pas identiques.');
      http.expectNone('/api/auth/invitation');
    });

    it('sets the password, then opens the sign-in page, which says the account is active', async () => {
      await open(`/invitation?token=${TOKEN}`);
      type('setpw-password', 'une phrase de passe');
      type('setpw-confirmation', 'une phrase de passe');
      await submit();
      const req = http.expectOne({
        method: 'POST',
        url: '/api/auth/invitation',
      });
      expect(req.request.body).toEqual({
        token: TOKEN,
        password: 'une phrase de passe',
      });
      req.flush(null, { status: 204, statusText: 'No Content' });
      await harness.fixture.whenStable();

      expect(TestBed.inject(Router).url).toBe('/connexion');
      page = harness.routeNativeElement as HTMLElement;
      expect(text(page.querySelector('[data-testid="notice"]'))).toBe(
        'Votre compte est activé : connectez-vous avec votre adresse électronique et le mot de passe choisi.',
      );
    });

    it('says when the invitation no longer works (410), and what to do', async () => {
      await open(`/invitation?token=${TOKEN}`);
      type('setpw-password', 'une phrase de passe');
      type('setpw-confirmation', 'une phrase de passe');
      await submit();
      http.expectOne('/api/auth/invitation').flush(...refusal(410, 'token_expired', 'Cette invitation a expiré le 12/05/2024.'));
      await harness.fixture.whenStable();
      const paragraphs = Array.from(page.querySelectorAll('[role="alert"] p')).map((p) => text(p));
      expect(paragraphs).toEqual([
        'Cette invitation a expiré le 12/05/2024.',
        'Demandez une nouvelle invitation à l’administrateur·rice de Jalons.',
      ]);
      expect(page.querySelector('form')).toBeNull();
    });

    it('says when the link is incomplete, without a form', async () => {
      await open('/invitation');
      expect(text(page.querySelector('[role="alert"]'))).toContain('Ce lien est incomplet');
      expect(page.querySelector('form')).toBeNull();
    });
  });

  describe('/nouveau-mot-de-passe', () => {
    it('sends the new password with the token, and offers a new link when this one was used (410)', async () => {
      await open(`/nouveau-mot-de-passe?token=${TOKEN}`);
      expect(text(page.querySelector('h1'))).toBe('Choisir un nouveau mot de passe');
      type('setpw-password', 'une phrase de passe');
      type('setpw-confirmation', 'une phrase de passe');
      await submit();
      http.expectOne('/api/auth/password-reset').flush(...refusal(410, 'token_used', 'Ce lien a déjà servi.'));
      await harness.fixture.whenStable();
      const alert = must(page.querySelector('[data-testid="link-refused"]'));
      expect(text(alert)).toContain('Ce lien a déjà servi.');
      expect(alert.querySelector('a')?.getAttribute('href')).toBe('/mot-de-passe-oublie');
    });
  });

  describe('/mot-de-passe-oublie', () => {
    it('answers the same neutral sentence whatever the address', async () => {
      await open('/mot-de-passe-oublie');
      type('forgot-email', 'inconnu@example.test');
      await submit();
      const req = http.expectOne({
        method: 'POST',
        url: '/api/auth/password-reset/request',
      });
      expect(req.request.body).toEqual({ email: 'inconnu@example.test' });
      req.flush(null, { status: 202, statusText: 'Accepted' });
      await harness.fixture.whenStable();

      expect(text(page.querySelector('[role="status"]'))).toContain(
        'Si un compte existe pour l’adresse inconnu@example.test, un courriel vient de lui être envoyé',
      );
      expect(page.querySelector('form')).toBeNull();
    });
  });
});
