import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { must, text } from '../testing/dom';
import { refusal } from '../testing/http';
import { aMe, provideSession } from '../testing/session';
import { AccountPage } from './account-page';

describe('AccountPage', () => {
  let fixture: ComponentFixture<AccountPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AccountPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideSession(
          aMe({
            name: 'Soizic Le Bihan',
            email: 'soizic@example.test',
            role: 'owner',
          }),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AccountPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    // the calendars' section (its own spec) reads my feeds and what they may follow
    http.expectOne('/api/calendars').flush([]);
    http.expectOne('/api/roadmaps').flush([]);
    http.expectOne('/api/account/summary').flush({ enabled: false }); // the monthly summary's section (its own spec)
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function type(id: string, value: string): void {
    const input = must(page.querySelector<HTMLInputElement>(`#${id}`), id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function change(current: string, password: string): Promise<void> {
    type('account-currentPassword', current);
    type('account-password', password);
    type('account-confirmation', password);
    must(page.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('offers the reminders by e-mail, the calendars and one’s data after the password', () => {
    expect(Array.from(page.querySelectorAll('h2')).map((h) => text(h))).toEqual([
      'Votre compte',
      'Changer de mot de passe',
      'Rappels par courriel',
      'Point mensuel par courriel',
      'Calendriers',
      'Mes données',
    ]);
  });

  it('says who the person is for Jalons', () => {
    const facts = Array.from(page.querySelectorAll('.facts dt')).map((dt) => [text(dt), text(dt.nextElementSibling)]);
    expect(facts).toEqual([
      ['Nom', 'Soizic Le Bihan'],
      ['Adresse électronique', 'soizic@example.test'],
      ['Rôle', 'Responsable de fonction'],
    ]);
  });

  it('changes the password, says so, and empties the fields', async () => {
    await change('ancien mot de passe', 'une phrase de passe');
    const req = http.expectOne({ method: 'POST', url: '/api/auth/password' });
    expect(req.request.body).toEqual({
      currentPassword: 'ancien mot de passe',
      password: 'une phrase de passe',
    });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(text(page.querySelector('[aria-labelledby="titre-mot-de-passe"] [role="status"]'))).toBe('Votre mot de passe est modifié.');
    expect(must(page.querySelector<HTMLInputElement>('#account-password')).value).toBe('');
  });

  it('says next to the field when the current password is wrong', async () => {
    await change('faux', 'une phrase de passe');
    http.expectOne('/api/auth/password').flush(
      ...refusal(400, 'validation_failed', 'Le mot de passe actuel est incorrect.', {
        errors: [
          {
            field: 'currentPassword',
            message: 'Le mot de passe actuel est incorrect.',
          },
        ],
      }),
    );
    await fixture.whenStable();
    const current = must(page.querySelector('#account-currentPassword'));
    expect(current.getAttribute('aria-invalid')).toBe('true');
    expect(text(page.querySelector('#account-currentPassword-error'))).toBe('Le mot de passe actuel est incorrect.');
    // the same sentence is not repeated at the top
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(document.activeElement).toBe(current);
  });
});
