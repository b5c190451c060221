import type { AccountView, FunctionWithRollUpView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { must, text } from '../testing/dom';
import { refusal, setUpPageTest } from '../testing/http';
import { aFunction, aPerson, aRemindersStatus, aRoadmap, anAccount, anInvitation } from '../testing/factories';
import { aMe } from '../testing/session';
import { AdministrationPage } from './administration-page';

const ADMIN = anAccount({
  id: 'acc-admin',
  name: 'Yann Kerébel',
  email: 'yann@example.test',
  role: 'admin',
  functions: [],
  version: 1,
});
const OWNER = anAccount();
const ELECTED = anAccount({
  id: 'acc-elu',
  name: 'Anne Morvan',
  email: 'anne@example.test',
  role: 'elected',
  functions: [],
  active: false,
  version: 4,
});
const PENDING = anAccount({
  id: 'acc-pending',
  name: 'Bleuenn Guivarc’h',
  email: 'bleuenn@example.test',
  role: 'lead',
  functions: [],
  hasPassword: false,
  invitationExpiresAt: '2099-01-10T09:00:00.000Z',
  lastLoginAt: null,
  version: 1,
});

const FUNCTIONS: FunctionWithRollUpView[] = [
  aFunction({
    id: 'fn-ethique',
    name: 'Éthique',
    order: 1,
    owner: aPerson({ id: 'acc-soizic', name: 'Soizic Le Bihan' }),
  }),
  aFunction({
    id: 'fn-socle',
    code: 'socle',
    name: 'Socle de données',
    order: 2,
    owner: null,
  }),
];

describe('AdministrationPage', () => {
  let fixture: ComponentFixture<AdministrationPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    http = setUpPageTest(AdministrationPage, aMe({ id: 'acc-admin', name: 'Yann Kerébel', role: 'admin' }));
  });

  afterEach(() => http.verify());

  const ALL = [ADMIN, OWNER, ELECTED, PENDING];

  /** Answers the accounts, the roadmaps and their functions. */
  async function answer(accounts: AccountView[] = ALL): Promise<void> {
    http.expectOne({ method: 'GET', url: '/api/accounts' }).flush(accounts);
    http.expectOne('/api/roadmaps').flush([aRoadmap()]);
    await fixture.whenStable();
    http.expectOne('/api/roadmaps/rm-1/functions').flush(FUNCTIONS);
    await fixture.whenStable();
  }

  async function open(): Promise<void> {
    fixture = TestBed.createComponent(AdministrationPage);
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    // the reminders' section (its own spec)
    http.expectOne('/api/admin/reminders').flush(aRemindersStatus());
    await answer();
  }

  function row(name: string): HTMLTableRowElement {
    return must(
      Array.from(page.querySelectorAll<HTMLTableRowElement>('[data-testid="accounts"] tbody tr')).find((r) =>
        text(r.querySelector('th')).startsWith(name),
      ),
      `row of ${name}`,
    );
  }

  function cells(name: string): string[] {
    return Array.from(row(name).querySelectorAll('th, td'))
      .slice(0, 6)
      .map((c) => text(c));
  }

  function button(within: Element, name: string): HTMLButtonElement | undefined {
    return Array.from(within.querySelectorAll('button')).find((b) => text(b).startsWith(name));
  }

  function type(id: string, value: string): void {
    const el = must(page.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`), id);
    el.value = value;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input'));
  }

  async function submit(form: string): Promise<void> {
    must(page.querySelector(form)).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  const announcement = (): string => text(page.querySelector('[data-testid="announcement"]'));

  it('lists the accounts by name: e-mail, role, functions, state and last sign-in', async () => {
    await open();
    expect(cells('Anne Morvan')).toEqual(['Anne Morvan', 'anne@example.test', 'Élu·e', '—', 'Désactivé', '30/04/2024 à 09:15']);
    expect(cells('Bleuenn')).toEqual([
      'Bleuenn Guivarc’h',
      'bleuenn@example.test',
      'Chef·fe de projet',
      '—',
      'Invitation en attente jusqu’au 10/01/2099 à 10:00',
      'Jamais',
    ]);
    expect(cells('Soizic Le Bihan')).toEqual([
      'Soizic Le Bihan',
      'soizic@example.test',
      'Responsable de fonction',
      'Éthique',
      'Actif',
      '30/04/2024 à 09:15',
    ]);
    expect(cells('Yann Kerébel')[0]).toBe('Yann Kerébel vous');
    // one's own account can be neither deactivated nor given another role here
    expect(button(row('Yann Kerébel'), 'Désactiver')).toBeUndefined();
    // an invitation is sent again only to whoever has no password yet
    expect(button(row('Bleuenn'), 'Renvoyer l’invitation')).toBeDefined();
    expect(button(row('Soizic'), 'Renvoyer l’invitation')).toBeUndefined();
  });

  it('invites a function owner with the functions they take over, and says the e-mail went out', async () => {
    await open();
    type('invite-name', ' Nolwenn Tanguy ');
    type('invite-email', 'nolwenn@example.test');
    expect(page.querySelector('jl-function-picker')).toBeNull();
    type('invite-role', 'owner');
    await fixture.whenStable();

    const picker = must(page.querySelector('jl-function-picker fieldset'));
    expect(text(picker.querySelector('legend'))).toBe('Fonctions dont la personne a la charge');
    expect(Array.from(picker.querySelectorAll('label')).map((l) => text(l))).toEqual([
      'Éthique (actuellement : Soizic Le Bihan)',
      'Socle de données',
    ]);
    must(page.querySelector<HTMLInputElement>('#invite-functionIds-fn-socle')).click();
    await fixture.whenStable();
    await submit('[data-testid="invite-form"]');

    const req = http.expectOne({ method: 'POST', url: '/api/accounts' });
    expect(req.request.body).toEqual({
      name: 'Nolwenn Tanguy',
      email: 'nolwenn@example.test',
      role: 'owner',
      functionIds: ['fn-socle'],
    });
    const invitation = anInvitation();
    req.flush(invitation, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    await answer([...ALL, invitation.account]);

    expect(announcement()).toBe('Invitation envoyée à nolwenn@example.test, valable jusqu’au 10/01/2099 à 10:00.');
    expect(cells('Nolwenn Tanguy')[4]).toBe('Invitation en attente jusqu’au 10/01/2099 à 10:00');
    // the form is ready for the next person
    expect(must(page.querySelector<HTMLInputElement>('#invite-name')).value).toBe('');
  });

  it('warns when the invitation could not be e-mailed', async () => {
    await open();
    type('invite-name', 'Nolwenn Tanguy');
    type('invite-email', 'nolwenn@example.test');
    type('invite-role', 'elected');
    await submit('[data-testid="invite-form"]');
    const req = http.expectOne('/api/accounts');
    expect(req.request.body).toEqual({
      name: 'Nolwenn Tanguy',
      email: 'nolwenn@example.test',
      role: 'elected',
    });
    req.flush(anInvitation({ mailed: false }), {
      status: 201,
      statusText: 'Created',
    });
    await fixture.whenStable();
    await answer();
    expect(text(page.querySelector('[data-testid="mail-warning"]'))).toBe(
      'Le compte de Nolwenn Tanguy est prêt, mais le courriel d’invitation n’a pas pu être envoyé à nolwenn@example.test. Réessayez plus tard avec « Renvoyer l’invitation ».',
    );
    expect(page.querySelector('[data-testid="mail-warning"]')?.getAttribute('role')).toBe('alert');
  });

  it('says next to the e-mail when it already has an account (409), and asks for a role before sending', async () => {
    await open();
    type('invite-name', 'Soizic Le Bihan');
    type('invite-email', 'soizic@example.test');
    await submit('[data-testid="invite-form"]');
    http.expectNone('/api/accounts');
    expect(text(page.querySelector('#invite-role-error'))).toBe('Choisissez un rôle.');
    expect(document.activeElement).toBe(page.querySelector('#invite-role'));

    type('invite-role', 'elected');
    await submit('[data-testid="invite-form"]');
    http.expectOne('/api/accounts').flush(...refusal(409, 'email_taken', 'Un compte existe déjà pour cette adresse électronique.'));
    await fixture.whenStable();
    const email = must(page.querySelector('#invite-email'));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(text(page.querySelector('#invite-email-error'))).toBe('Un compte existe déjà pour cette adresse électronique.');
  });

  it('changes a role with the version read; an owner who becomes lead gives up their functions', async () => {
    await open();
    must(button(row('Soizic'), 'Modifier')).click();
    await fixture.whenStable();

    const panel = must(page.querySelector('[data-testid="edit-account"]'));
    const heading = must(panel.querySelector('h2'));
    expect(text(heading)).toBe('Modifier le compte de Soizic Le Bihan');
    expect(document.activeElement).toBe(heading);
    expect(must(panel.querySelector<HTMLInputElement>('#edit-functionIds-fn-ethique')).checked).toBe(true);

    type('edit-role', 'lead');
    await fixture.whenStable();
    expect(panel.querySelector('jl-function-picker')).toBeNull();
    await submit('[data-testid="edit-account"] form');

    const req = http.expectOne({
      method: 'PATCH',
      url: '/api/accounts/acc-soizic',
    });
    expect(req.request.body).toEqual({
      version: 2,
      name: 'Soizic Le Bihan',
      role: 'lead',
      functionIds: [],
    });
    const saved = anAccount({ role: 'lead', functions: [], version: 3 });
    req.flush(saved);
    await fixture.whenStable();
    await answer([ADMIN, saved, ELECTED, PENDING]);

    expect(announcement()).toBe('Le compte de Soizic Le Bihan est modifié.');
    expect(cells('Soizic')[2]).toBe('Chef·fe de projet');
    expect(cells('Soizic')[3]).toBe('—');
    expect(page.querySelector('[data-testid="edit-account"]')).toBeNull();
    // back on the row's button
    expect(document.activeElement?.id).toBe('modifier-acc-soizic');
  });

  it('deactivates an account, then offers to reactivate it', async () => {
    await open();
    must(button(row('Soizic'), 'Désactiver')).click();
    const req = http.expectOne({
      method: 'PATCH',
      url: '/api/accounts/acc-soizic',
    });
    expect(req.request.body).toEqual({ version: 2, active: false });
    const saved = anAccount({ active: false, version: 3 });
    req.flush(saved);
    await fixture.whenStable();
    await answer([ADMIN, saved, ELECTED, PENDING]);

    expect(announcement()).toBe('Le compte de Soizic Le Bihan est désactivé : cette personne ne peut plus se connecter.');
    expect(cells('Soizic')[4]).toBe('Désactivé');
    expect(button(row('Soizic'), 'Réactiver')).toBeDefined();

    must(button(row('Anne Morvan'), 'Réactiver')).click();
    const again = http.expectOne('/api/accounts/acc-elu');
    expect(again.request.body).toEqual({ version: 4, active: true });
    again.flush({ ...ELECTED, active: true, version: 5 });
    await fixture.whenStable();
    await answer();
    expect(announcement()).toBe('Le compte de Anne Morvan est réactivé.');
  });

  it('reloads the accounts when one was changed meanwhile (409), and says so', async () => {
    await open();
    must(button(row('Soizic'), 'Désactiver')).click();
    http.expectOne('/api/accounts/acc-soizic').flush(...refusal(409, 'version_conflict', 'Version périmée.', { currentVersion: 3 }));
    await fixture.whenStable();
    await answer([ADMIN, anAccount({ version: 3 }), ELECTED, PENDING]);
    expect(text(page.querySelector('[data-testid="row-error"]'))).toContain('modifié entre-temps');
  });

  it('sends an invitation again and says whether the e-mail went out', async () => {
    await open();
    must(button(row('Bleuenn'), 'Renvoyer l’invitation')).click();
    const req = http.expectOne({
      method: 'POST',
      url: '/api/accounts/acc-pending/invitation',
    });
    req.flush(
      anInvitation({
        account: PENDING,
        expiresAt: '2099-01-17T09:00:00.000Z',
      }),
    );
    await fixture.whenStable();
    await answer();
    expect(announcement()).toBe('Invitation envoyée à bleuenn@example.test, valable jusqu’au 17/01/2099 à 10:00.');
  });

  it('shows the API’s message when the accounts cannot be loaded', async () => {
    fixture = TestBed.createComponent(AdministrationPage);
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    expect(text(page.querySelector('.notice[role="status"]'))).toBe('Chargement des comptes…');
    http.expectOne('/api/accounts').flush(...refusal(403, 'forbidden', 'Réservé à l’administrateur·rice.'));
    await fixture.whenStable();
    // forkJoin gave up: the roadmaps' call was cancelled
    http.match('/api/roadmaps');
    http.expectOne('/api/admin/reminders').flush(aRemindersStatus());
    expect(text(page.querySelector('[role="alert"]'))).toBe('Impossible de charger les comptes : Réservé à l’administrateur·rice.');
  });

  it('anonymises a departed person after a confirmation that says it cannot be undone, then the row says so', async () => {
    await open();
    expect(row('Yann Kerébel').querySelector('[data-testid="anonymise-account"]')).toBeNull();
    const opener = must(row('Soizic Le Bihan').querySelector<HTMLButtonElement>('[data-testid="anonymise-account"]'));
    expect(text(opener)).toBe('Anonymiser le compte de Soizic Le Bihan');
    opener.click();
    await fixture.whenStable();
    const dialog = must(row('Soizic Le Bihan').querySelector<HTMLDialogElement>('[data-testid="anonymise-dialog"]'));
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(text(dialog.querySelector('h2'))).toBe('Anonymiser le compte de Soizic Le Bihan ?');
    expect(text(dialog)).toContain('« Ancien·ne responsable »');
    expect(text(dialog)).toContain('ne peut pas être annulée');
    expect(document.activeElement?.textContent?.trim()).toBe('Annuler');

    // refused first (409): said in the dialog, nothing reloaded
    must(dialog.querySelector<HTMLButtonElement>('[data-testid="confirm-anonymise"]')).click();
    http
      .expectOne({ method: 'POST', url: '/api/accounts/acc-soizic/anonymise' })
      .flush(...refusal(409, 'already_anonymised', 'Ce compte est déjà anonymisé.'));
    await fixture.whenStable();
    expect(text(dialog.querySelector('[role="alert"]'))).toContain('déjà anonymisé');

    must(dialog.querySelector<HTMLButtonElement>('[data-testid="confirm-anonymise"]')).click();
    const req = http.expectOne({ method: 'POST', url: '/api/accounts/acc-soizic/anonymise' });
    expect(req.request.body).toEqual({ version: OWNER.version });
    const after = anAccount({
      name: 'Ancien·ne responsable',
      email: 'anonyme-x@anonyme.invalid',
      active: false,
      anonymisedAt: '2024-05-02T10:00:00.000Z',
      functions: [],
    });
    req.flush(after);
    await fixture.whenStable();
    expect(announcement()).toContain('« Ancien·ne responsable »');
    await answer([ADMIN, after, ELECTED, PENDING]);
    expect(cells('Ancien·ne responsable')[4]).toBe('Anonymisé·e le 02/05/2024 à 12:00');
    expect(row('Ancien·ne responsable').querySelector('[data-testid="anonymise-account"]')).toBeNull();
    expect(button(row('Ancien·ne responsable'), 'Réactiver')).toBeUndefined();
  });
});
