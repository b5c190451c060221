import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { AuthService } from '../data/auth.service';
import { must } from '../testing/dom';
import { refusal, ruleBroken } from '../testing/http';
import { aHistoryEntry, aPerson, anAction } from '../testing/factories';
import { aMe } from '../testing/session';
import { ActionPage } from './action-page';
import { ActionPageHarness, text } from './testing/action-page-harness';

// The action's facts, its status form, who may update it. Re-planning: action-page.replan.spec.ts.
describe('ActionPage', () => {
  let harness: ActionPageHarness;
  let fixture: ComponentFixture<ActionPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    harness = new ActionPageHarness();
    http = harness.http;
  });

  afterEach(() => http.verify());

  async function open(...args: Parameters<ActionPageHarness['open']>): Promise<void> {
    const answered = harness.open(...args);
    ({ fixture, page } = harness);
    await answered;
  }

  const answer = (...args: Parameters<ActionPageHarness['answer']>): Promise<void> => harness.answer(...args);
  const facts = (): Record<string, string> => harness.facts();
  const field = <T extends HTMLElement>(id: string): T => harness.field<T>(id);

  async function fill(status: string, progress: number, comment = ''): Promise<void> {
    const select = field<HTMLSelectElement>('action-status');
    select.value = status;
    select.dispatchEvent(new Event('change'));
    const input = field<HTMLInputElement>('action-progress');
    input.value = String(progress);
    input.dispatchEvent(new Event('input'));
    const textarea = field<HTMLTextAreaElement>('action-comment');
    textarea.value = comment;
    textarea.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    must(page.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('shows the action’s fields, with its function, phase and predecessors by name', async () => {
    await open(anAction({ predecessorIds: ['act-0'], volet: null }));
    expect(text(page.querySelector('h1'))).toBe('Installer le comité d’éthique');
    expect(facts()).toEqual({
      Fonction: 'Éthique',
      Phase: 'Incubation post-électorale',
      Début: '15/04/2024',
      Échéance: '15/05/2024',
      Statut: 'En cours',
      Avancement: '50 % (attendu au 01/05/2024 : 53,3 %)',
      Calendrier: 'À l’heure',
      Responsable: 'Soizic Le Bihan',
      'Actions précédentes': 'Constituer le vivier',
      Provenance: 'Ajout dans l’application',
    });
    const pred = page.querySelector<HTMLAnchorElement>('[data-testid="facts"] dd a');
    expect(pred?.getAttribute('href')).toBe('/r/brest-2026-2032/actions/act-0');
  });

  it('offers the statuses in French, set to the current one', async () => {
    await open();
    const select = field<HTMLSelectElement>('action-status');
    expect(Array.from(select.options).map((o) => o.text.trim())).toEqual(['À lancer', 'En cours', 'Bloquée', 'Terminée', 'Abandonnée']);
    expect(select.value).toBe('en_cours');
    expect(field<HTMLInputElement>('action-progress').value).toBe('50');
  });

  it('refuses « Terminée » at 60 % before sending anything, next to the progress field', async () => {
    await open();
    await fill('terminee', 60);
    await submit();

    http.expectNone('/api/actions/act-1/status');
    const error = field('action-progress-error');
    expect(text(error)).toBe('Une action terminée est à 100 %.');
    const input = field<HTMLInputElement>('action-progress');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('action-progress-error');
    // the keyboard is put on the field to fix
    expect(document.activeElement).toBe(input);
  });

  it('refuses « À lancer » above 0 % too', async () => {
    await open();
    await fill('a_lancer', 10);
    await submit();
    http.expectNone('/api/actions/act-1/status');
    expect(text(field('action-progress-error'))).toBe('Une action à lancer est à 0 %.');
  });

  it('offers a proof only for « Terminée », and sends it with the status; a refused address is shown next to its field', async () => {
    await open();
    expect(page.querySelector('[data-testid="proof-fields"]')).toBeNull();
    await fill('terminee', 100);
    expect(text(page.querySelector('[data-testid="proof-fields"] legend'))).toBe('Preuve (facultatif)');
    const typeIn = async (id: string, value: string) => {
      const el = field<HTMLInputElement | HTMLSelectElement>(id);
      el.value = value;
      el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input'));
      await fixture.whenStable();
    };
    await typeIn('action-proof-title', ' Bilan 2026 ');
    await typeIn('action-proof-url', 'bilan.pdf');
    await typeIn('action-proof-kind', 'deliberation');
    await submit();
    const refused = http.expectOne('/api/actions/act-1/status');
    expect(refused.request.body).toEqual({
      version: 3,
      status: 'terminee',
      progress: 100,
      proofTitle: 'Bilan 2026',
      proofUrl: 'bilan.pdf',
      proofKind: 'deliberation',
    });
    refused.flush(
      ...refusal(400, 'validation_failed', 'La requête contient des champs invalides.', {
        errors: [{ field: 'proofUrl', message: 'proofUrl doit être une adresse web commençant par http:// ou https://.' }],
      }),
    );
    await fixture.whenStable();
    expect(text(page.querySelector('#action-proof-url-error'))).toBe(
      'proofUrl doit être une adresse web commençant par http:// ou https://.',
    );
    // back to « En cours »: the proof is not sent
    await fill('en_cours', 60);
    await submit();
    expect(http.expectOne('/api/actions/act-1/status').request.body).toEqual({ version: 3, status: 'en_cours', progress: 60 });
  });

  it('sends status, progress, comment and the version read, then shows the new state and history', async () => {
    await open();
    await fill('terminee', 100, '  Comité installé le 2 mai.  ');
    await submit();

    const req = http.expectOne('/api/actions/act-1/status');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({
      version: 3,
      status: 'terminee',
      progress: 100,
      comment: 'Comité installé le 2 mai.',
    });
    req.flush(anAction({ status: 'terminee', progress: 100, version: 4 }));
    await fixture.whenStable();
    await answer(anAction({ status: 'terminee', progress: 100, version: 4 }), [
      aHistoryEntry({
        id: 'h-2',
        at: '2024-05-02T14:05:00.000Z',
        field: 'status',
        from: 'en_cours',
        to: 'terminee',
        comment: 'Comité installé le 2 mai.',
        actor: aPerson({ name: 'Soizic Le Bihan' }),
      }),
    ]);

    expect(facts()['Statut']).toBe('Terminée');
    expect(text(page.querySelector('.card [role="status"]'))).toBe('Mise à jour enregistrée.');
    const row = page.querySelector('[data-testid="history"] tbody tr');
    expect(Array.from(must(row).querySelectorAll('th, td')).map((c) => text(c))).toEqual([
      'Soizic Le Bihan',
      '02/05/2024 à 16:05',
      'Statut',
      'En cours',
      'Terminée',
      'Comité installé le 2 mai.',
    ]);
    expect(field<HTMLTextAreaElement>('action-comment').value).toBe('');
  });

  it('shows the API’s field errors next to their fields (422)', async () => {
    await open();
    await fill('bloquee', 40, 'Attente du budget');
    await submit();
    http.expectOne('/api/actions/act-1/status').flush(...ruleBroken('comment', 'Dites ce qui bloque l’action dans le commentaire.'));
    await fixture.whenStable();

    expect(text(page.querySelector('.card [role="alert"]'))).toBe('Une règle n’est pas respectée.');
    const textarea = field<HTMLTextAreaElement>('action-comment');
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    const describedBy = must(textarea.getAttribute('aria-describedby'));
    expect(text(field(describedBy))).toBe('Dites ce qui bloque l’action dans le commentaire.');
  });

  it('on a version conflict, says the action changed meanwhile and reloads it on demand', async () => {
    await open();
    await fill('en_cours', 70);
    await submit();
    http.expectOne('/api/actions/act-1/status').flush(...refusal(409, 'version_conflict', 'Version périmée.', { currentVersion: 4 }));
    await fixture.whenStable();

    const alert = page.querySelector('.card [role="alert"]');
    expect(text(alert)).toContain('modifié entre-temps');
    const reload = must(Array.from(must(alert).querySelectorAll('button')).find((b) => text(b) === 'Recharger'));
    reload.click();
    await fixture.whenStable();
    await answer(anAction({ progress: 65, version: 4 }));
    expect(facts()['Avancement']).toContain('65 %');
    expect(field<HTMLInputElement>('action-progress').value).toBe('65');
    expect(page.querySelector('.card [role="alert"]')).toBeNull();
  });

  describe('for whoever may not update it', () => {
    it.each([
      ['an elected member', aMe({ role: 'elected' })],
      ['the administrator', aMe({ role: 'admin' })],
      ['the owner of another function', aMe({ role: 'owner', functionIds: ['fn-socle'] })],
    ])('shows %s the status and progress read-only, without a form', async (_who, me) => {
      TestBed.inject(AuthService).setSession(me);
      await open();
      expect(facts()['Statut']).toBe('En cours');
      expect(facts()['Avancement']).toContain('50 %');
      expect(page.querySelector('form')).toBeNull();
      expect(page.querySelector('#action-status')).toBeNull();
      expect(page.querySelector('#replan-start')).toBeNull();
      expect(Array.from(page.querySelectorAll('h2')).map((h) => text(h))).toEqual([
        'Fiche',
        'Acteurs visés',
        'Preuves et documents',
        'Décisions',
        'Historique',
      ]);
      expect(text(page.querySelector('[data-testid="read-only"]'))).toContain('Consultation seule');
    });

    it('offers the form to the owner of the action’s function', async () => {
      TestBed.inject(AuthService).setSession(aMe({ role: 'owner', functionIds: ['fn-ethique'] }));
      await open();
      expect(page.querySelector('[data-testid="status-form"]')).not.toBeNull();
      expect(page.querySelector('[data-testid="replan-form"]')).not.toBeNull();
      expect(page.querySelector('[data-testid="read-only"]')).toBeNull();
    });
  });

  it('shows the API’s message when the action does not exist', async () => {
    harness.create('nope');
    ({ fixture, page } = harness);
    http.expectOne('/api/actions/nope').flush(...refusal(404, 'not_found', 'L’action nope n’existe pas.'));
    await fixture.whenStable();
    expect(text(page.querySelector('[role="alert"]'))).toBe('Impossible de charger l’action : L’action nope n’existe pas.');
  });
});
