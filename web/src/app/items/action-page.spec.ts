import type { ActionView, HistoryEntryView } from '@jalons/contract';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { AuthService } from '../data/auth.service';
import { provideFrenchLocale } from '../locale';
import { aChronogram, aChronogramAction, aHistoryEntry, aPerson, anAction } from '../testing/factories';
import { aMe, provideSession } from '../testing/session';
import { must } from '../testing/dom';
import { ActionPage } from './action-page';

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('ActionPage', () => {
  let fixture: ComponentFixture<ActionPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ActionPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideFrenchLocale(),
        // the project lead: every change is offered
        provideSession(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function answer(action: ActionView, history: HistoryEntryView[] = []): Promise<void> {
    http.expectOne(`/api/actions/${action.id}`).flush(action);
    await fixture.whenStable();
    http.expectOne(`/api/actions/${action.id}/history`).flush(history);
    http.expectOne('/api/roadmaps/rm-1/chronogram').flush(
      aChronogram({
        actions: [aChronogramAction(), aChronogramAction({ id: 'act-0', title: 'Constituer le vivier' })],
      }),
    );
    await fixture.whenStable();
  }

  async function open(action: ActionView = anAction(), history: HistoryEntryView[] = []): Promise<void> {
    fixture = TestBed.createComponent(ActionPage);
    fixture.componentRef.setInput('id', action.id);
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await answer(action, history);
  }

  function facts(): Record<string, string> {
    const dts = Array.from(page.querySelectorAll('[data-testid="facts"] dt'));
    return Object.fromEntries(dts.map((dt) => [text(dt), text(dt.nextElementSibling)]));
  }

  const field = <T extends HTMLElement>(id: string): T => must(page.querySelector<T>(`#${id}`), id);

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
    });
    const pred = page.querySelector<HTMLAnchorElement>('[data-testid="facts"] dd a');
    expect(pred?.getAttribute('href')).toBe('/actions/act-0');
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
    http.expectOne('/api/actions/act-1/status').flush(
      {
        statusCode: 422,
        error: 'rule_broken',
        message: 'Une règle n’est pas respectée.',
        errors: [
          {
            field: 'comment',
            message: 'Dites ce qui bloque l’action dans le commentaire.',
          },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
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
    http.expectOne('/api/actions/act-1/status').flush(
      {
        statusCode: 409,
        error: 'version_conflict',
        message: 'Version périmée.',
        currentVersion: 4,
      },
      { status: 409, statusText: 'Conflict' },
    );
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

  describe('re-planning with the keyboard', () => {
    const replan = (): HTMLElement => must(page.querySelector<HTMLElement>('[data-testid="replan-form"]'), 'replan form');
    const replanSection = (): HTMLElement => must(replan().closest<HTMLElement>('section'), 'replan section');
    const announced = (): string => text(replanSection().querySelector('[role="status"]'));

    async function fillDates(start: string, due: string, comment = ''): Promise<void> {
      for (const [id, value] of [
        ['replan-start', start],
        ['replan-due', due],
        ['replan-comment', comment],
      ]) {
        const el = field<HTMLInputElement | HTMLTextAreaElement>(id);
        el.value = value;
        el.dispatchEvent(new Event('input'));
      }
      await fixture.whenStable();
    }

    async function submitReplan(): Promise<void> {
      // what Enter in a field, or the focused button, does
      replan().dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    }

    it('offers the current dates in labelled date fields, with the roadmap’s bounds as hints', async () => {
      await open();
      expect(text(replanSection().querySelector('h2'))).toBe('Replanifier');
      const start = field<HTMLInputElement>('replan-start');
      const due = field<HTMLInputElement>('replan-due');
      expect([start.type, start.value]).toEqual(['date', '2024-04-15']);
      expect([due.type, due.value]).toEqual(['date', '2024-05-15']);
      expect(text(page.querySelector('label[for="replan-start"]'))).toBe('Début');
      expect(text(page.querySelector('label[for="replan-due"]'))).toBe('Échéance');
      expect(text(field(must(start.getAttribute('aria-describedby'))))).toBe(
        'Entre le 01/01/2024 et le 03/02/2025, dates de la feuille de route. La phase de l’action est celle qui contient ce jour.',
      );
      expect(text(field(must(due.getAttribute('aria-describedby'))))).toBe('Le jour du début ou plus tard, au plus tard le 03/02/2025.');
    });

    it('sends the new dates, the comment and the version read, then shows the new dates, phase and history', async () => {
      await open();
      await fillDates('2024-06-03', '2024-07-15', '  Budget voté en juin. ');
      const button = must(replan().querySelector<HTMLButtonElement>('button[type="submit"]'));
      button.focus();
      await submitReplan();

      const req = http.expectOne('/api/actions/act-1');
      expect(req.request.method).toBe('PATCH');
      expect(req.request.body).toEqual({
        version: 3,
        start: '2024-06-03',
        due: '2024-07-15',
        comment: 'Budget voté en juin.',
      });
      const replanned = anAction({
        start: '2024-06-03',
        due: '2024-07-15',
        phaseId: 'phase-3',
        version: 4,
      });
      req.flush(replanned);
      await fixture.whenStable();
      await answer(replanned, [
        aHistoryEntry({
          id: 'h-2',
          at: '2024-05-02T14:05:00.000Z',
          field: 'start',
          from: '2024-04-15',
          to: '2024-06-03',
          comment: 'Budget voté en juin.',
          actor: aPerson({ name: 'Soizic Le Bihan' }),
        }),
      ]);

      expect(facts()).toMatchObject({
        Début: '03/06/2024',
        Échéance: '15/07/2024',
        Phase: 'Phase d’émergence',
      });
      expect(announced()).toBe('Nouvelles dates enregistrées : du 03/06/2024 au 15/07/2024, phase « Phase d’émergence ».');
      const row = page.querySelector('[data-testid="history"] tbody tr');
      expect(text(row)).toContain('Budget voté en juin.');
      expect(field<HTMLTextAreaElement>('replan-comment').value).toBe('');
      // the keyboard stays where it was
      expect(document.activeElement).toBe(button);

      // the next change goes with the version just read
      await fillDates('2024-06-03', '2024-07-31');
      await submitReplan();
      const next = http.expectOne('/api/actions/act-1');
      expect(next.request.body).toEqual({
        version: 4,
        start: '2024-06-03',
        due: '2024-07-31',
      });
      next.flush(anAction({ ...replanned, due: '2024-07-31', version: 5 }));
      await fixture.whenStable();
      await answer(anAction({ ...replanned, due: '2024-07-31', version: 5 }));
    });

    it('refuses a due date before the start before sending anything, next to the due field', async () => {
      await open();
      await fillDates('2024-04-15', '2024-04-10');
      await submitReplan();

      http.expectNone('/api/actions/act-1');
      const due = field<HTMLInputElement>('replan-due');
      expect(due.getAttribute('aria-invalid')).toBe('true');
      expect(due.getAttribute('aria-describedby')).toContain('replan-due-error');
      expect(text(field('replan-due-error'))).toBe("L'échéance doit être le même jour ou après le début.");
      expect(field('replan-start').getAttribute('aria-invalid')).toBeNull();
      // the keyboard is put on the field to fix
      expect(document.activeElement).toBe(due);
      expect(facts()['Échéance']).toBe('15/05/2024');
    });

    it('refuses an empty or out-of-roadmap start, and focuses the first field in error', async () => {
      await open();
      await fillDates('', '2025-03-01');
      await submitReplan();

      http.expectNone('/api/actions/act-1');
      expect(text(field('replan-start-error'))).toBe("La date de début n'est pas une date valide.");
      expect(text(field('replan-due-error'))).toBe("L'échéance doit être comprise entre le 01/01/2024 et le 03/02/2025.");
      expect(document.activeElement).toBe(field('replan-start'));
    });

    it('says there is nothing to save when the dates are unchanged', async () => {
      await open();
      await submitReplan();
      http.expectNone('/api/actions/act-1');
      expect(announced()).toBe('Rien à enregistrer : ces dates sont déjà celles de l’action.');
    });

    it('shows the API’s refusal next to its field (422), keeping what was typed', async () => {
      await open();
      await fillDates('2024-06-03', '2024-07-15');
      await submitReplan();
      const refusal = 'Aucune phase de la feuille de route ne contient cette date de début.';
      http.expectOne('/api/actions/act-1').flush(
        {
          statusCode: 422,
          error: 'rule_broken',
          message: refusal,
          errors: [{ field: 'start', message: refusal }],
        },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
      await fixture.whenStable();

      const start = field<HTMLInputElement>('replan-start');
      expect(start.getAttribute('aria-invalid')).toBe('true');
      expect(text(field('replan-start-error'))).toBe(refusal);
      expect(start.value).toBe('2024-06-03');
      expect(document.activeElement).toBe(start);
      // said once, next to its field
      expect(replanSection().querySelector('[role="alert"]')).toBeNull();
      expect(facts()['Début']).toBe('15/04/2024');
    });

    it('on a version conflict, says so and shows the current version at once', async () => {
      await open();
      await fillDates('2024-06-03', '2024-07-15');
      await submitReplan();
      http.expectOne('/api/actions/act-1').flush(
        {
          statusCode: 409,
          error: 'version_conflict',
          message: 'Cet élément a changé entre-temps (version 5).',
          currentVersion: 5,
        },
        { status: 409, statusText: 'Conflict' },
      );
      await fixture.whenStable();
      await answer(anAction({ start: '2024-04-20', due: '2024-05-29', version: 5 }));

      expect(text(replanSection().querySelector('[role="alert"]'))).toBe(
        'Cet élément a été modifié entre-temps par quelqu’un d’autre. Sa version actuelle vient d’être rechargée : vérifiez les dates, puis enregistrez à nouveau.',
      );
      expect(facts()['Début']).toBe('20/04/2024');
      expect(field<HTMLInputElement>('replan-start').value).toBe('2024-04-20');
      expect(field<HTMLInputElement>('replan-due').value).toBe('2024-05-29');

      // done again, it goes with the current version, and the warning goes
      await fillDates('2024-06-03', '2024-07-15');
      await submitReplan();
      const retry = http.expectOne('/api/actions/act-1');
      expect(retry.request.body).toMatchObject({ version: 5 });
      expect(replanSection().querySelector('[role="alert"]')).toBeNull();
      const saved = anAction({
        start: '2024-06-03',
        due: '2024-07-15',
        phaseId: 'phase-3',
        version: 6,
      });
      retry.flush(saved);
      await fixture.whenStable();
      await answer(saved);
    });
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
      expect(Array.from(page.querySelectorAll('h2')).map((h) => text(h))).toEqual(['Fiche', 'Historique']);
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
    fixture = TestBed.createComponent(ActionPage);
    fixture.componentRef.setInput('id', 'nope');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/actions/nope').flush(
      {
        statusCode: 404,
        error: 'not_found',
        message: 'L’action nope n’existe pas.',
      },
      { status: 404, statusText: 'Not Found' },
    );
    await fixture.whenStable();
    expect(text(page.querySelector('[role="alert"]'))).toBe('Impossible de charger l’action : L’action nope n’existe pas.');
  });
});
