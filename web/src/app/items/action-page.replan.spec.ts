import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';

import { must } from '../testing/dom';
import { aBaseline } from '../baselines/testing/baselines';
import { refusal, ruleBroken } from '../testing/http';
import { aHistoryEntry, aPerson, anAction } from '../testing/factories';
import { ActionPage } from './action-page';
import { ActionPageHarness, text } from './testing/action-page-harness';

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
      http
        .expectOne('/api/actions/act-1')
        .flush(...refusal(409, 'version_conflict', 'Cet élément a changé entre-temps (version 5).', { currentVersion: 5 }));
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

    describe('when the roadmap has a baseline (ADR 0017)', () => {
      const reasonField = () => page.querySelector<HTMLTextAreaElement>('#replan-reason');

      it('asks why once a date changes, shows the API’s refusal on that field, then sends the reason and the decision cited', async () => {
        harness.baselines = [aBaseline()];
        await open();
        expect(reasonField()).toBeNull();
        await fillDates('2024-04-15', '2024-06-30');
        expect(text(page.querySelector('label[for="replan-reason"]'))).toBe('Motif du changement de dates');
        // the decision select lists the roadmap's decisions
        http
          .expectOne((r) => r.url === '/api/roadmaps/rm-1/decisions' && !r.params.has('itemId'))
          .flush([
            {
              id: 'd-1',
              roadmapId: 'rm-1',
              meetingId: null,
              meeting: null,
              date: '2024-04-30',
              kind: 'replanification',
              text: 'Report validé en comité de pilotage',
              items: [],
              createdAt: '2024-04-30T10:00:00.000Z',
              createdBy: null,
            },
          ]);
        await fixture.whenStable();

        await submitReplan();
        http
          .expectOne('/api/actions/act-1')
          .flush(
            ...ruleBroken(
              'reason',
              'Cette action fait partie de la dernière référence : indiquez le motif du changement de date (1 à 500 caractères).',
            ),
          );
        await fixture.whenStable();
        const reason = must(reasonField());
        expect(text(page.querySelector('#replan-reason-error'))).toContain('indiquez le motif du changement de date');
        expect(reason.getAttribute('aria-describedby')).toContain('replan-reason-error');
        expect(document.activeElement).toBe(reason);

        reason.value = '  Marché infructueux, relancé en mai. ';
        reason.dispatchEvent(new Event('input'));
        const decision = field<HTMLSelectElement>('replan-decisionId');
        decision.value = 'd-1';
        decision.dispatchEvent(new Event('change'));
        await fixture.whenStable();
        await submitReplan();
        const req = http.expectOne('/api/actions/act-1');
        expect(req.request.body).toEqual({
          version: 3,
          start: '2024-04-15',
          due: '2024-06-30',
          reason: 'Marché infructueux, relancé en mai.',
          decisionId: 'd-1',
        });
        const saved = anAction({ due: '2024-06-30', version: 4 });
        req.flush(saved);
        await fixture.whenStable();
        await answer(saved);
        // the dates are the item's again: nothing to explain
        expect(reasonField()).toBeNull();
      });

      it('sends neither a reason nor a decision with a comment alone', async () => {
        harness.baselines = [aBaseline()];
        await open();
        await fillDates('2024-04-15', '2024-05-15', 'Point d’étape');
        expect(reasonField()).toBeNull();
        await submitReplan();
        const req = http.expectOne('/api/actions/act-1');
        expect(req.request.body).toEqual({ version: 3, start: '2024-04-15', due: '2024-05-15', comment: 'Point d’étape' });
        const saved = anAction({ version: 4 });
        req.flush(saved);
        await fixture.whenStable();
        await answer(saved);
      });
    });
  });
});
