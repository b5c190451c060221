import type { MilestoneView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { AuthService } from '../data/auth.service';
import { aChronogram, aHistoryEntry, aMilestone, aPerson } from '../testing/factories';
import { aMe } from '../testing/session';
import { must, text } from '../testing/dom';
import { refusal, setUpPageTest } from '../testing/http';
import { MilestonePage } from './milestone-page';

describe('MilestonePage', () => {
  let fixture: ComponentFixture<MilestonePage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    // the project lead: every change is offered
    http = setUpPageTest(MilestonePage);
  });

  afterEach(() => http.verify());

  async function answer(milestone: MilestoneView): Promise<void> {
    http.expectOne(`/api/milestones/${milestone.id}`).flush(milestone);
    await fixture.whenStable();
    http.expectOne(`/api/milestones/${milestone.id}/history`).flush([
      aHistoryEntry({
        itemType: 'milestone',
        itemId: milestone.id,
        field: 'created',
        from: null,
        to: '2024-05-20',
      }),
    ]);
    http.expectOne('/api/roadmaps/rm-1/chronogram').flush(aChronogram());
    await fixture.whenStable();
    // the « Modifier la fiche » form's persons, asked once it is shown
    for (const req of http.match('/api/persons')) req.flush([aPerson()]);
    // « Preuves et documents » (items/item-evidence.ts): none
    for (const req of http.match(`/api/milestones/${milestone.id}/evidence`)) req.flush([]);
    // the « Replanifier » form asks whether the roadmap has baselines (ADR 0017): none
    for (const req of http.match('/api/roadmaps/rm-1/baselines')) req.flush([]);
    // « Décisions » (items/item-decisions.ts): none
    for (const req of http.match((r) => r.url.endsWith('/decisions') && r.params.get('itemId') === milestone.id)) req.flush([]);
    await fixture.whenStable();
  }

  async function open(milestone: MilestoneView = aMilestone()): Promise<void> {
    fixture = TestBed.createComponent(MilestonePage);
    fixture.componentRef.setInput('id', milestone.id);
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await answer(milestone);
  }

  function facts(): Record<string, string> {
    const dts = Array.from(page.querySelectorAll('[data-testid="facts"] dt'));
    return Object.fromEntries(dts.map((dt) => [text(dt), text(dt.nextElementSibling)]));
  }

  async function submit(): Promise<void> {
    must(page.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('shows the milestone, its function, phase, date and state', async () => {
    await open();
    expect(text(page.querySelector('h1'))).toBe('Comité d’éthique installé');
    expect(facts()).toEqual({
      Fonction: 'Éthique',
      Phase: 'Incubation post-électorale',
      'Date prévue': '20/05/2024',
      État: 'À venir',
      'Référent·e de la fonction': 'Soizic Le Bihan',
      Provenance: 'Ajout dans l’application',
    });
    const history = page.querySelector('[data-testid="history"] tbody tr');
    expect(text(history)).toContain('20/05/2024');
  });

  it('says where a kit milestone comes from: the badge, the territory’s reference, what it means', async () => {
    const reference = 'Charte de la donnée adoptée par le conseil de Brest métropole (octobre 2022)';
    await open(aMilestone({ provenance: { kind: 'pratique', reference } }));
    expect(facts()['Provenance']).toBe(`Pratique d’un territoire ${reference} Ce qu’un autre territoire a fait ; la référence dit lequel.`);
    expect(page.querySelector('[data-provenance]')?.getAttribute('data-provenance')).toBe('pratique');
    expect(text(page.querySelector('[data-testid="provenance-reference"]'))).toBe(reference);
  });

  it('shows an elected member its state read-only, without a form', async () => {
    TestBed.inject(AuthService).setSession(aMe({ role: 'elected' }));
    await open(aMilestone({ achievedOn: '2024-05-18', state: 'achieved' }));
    expect(facts()['État']).toBe('Atteint le 18/05/2024');
    expect(page.querySelector('form')).toBeNull();
    expect(page.querySelector('#replan-date')).toBeNull();
    expect(Array.from(page.querySelectorAll('h2')).map((h) => text(h))).toEqual([
      'Fiche',
      'Preuves et documents',
      'Décisions',
      'Historique',
    ]);
    expect(text(page.querySelector('[data-testid="read-only"]'))).toContain('Consultation seule');
  });

  it('marks it achieved on the day given, with the version read', async () => {
    await open();
    const day = must(page.querySelector<HTMLInputElement>('#milestone-achieved-on'));
    expect(day.value).toBe('2024-05-01'); // the reference day by default
    day.value = '2024-04-29';
    day.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    await submit();

    const req = http.expectOne('/api/milestones/ms-1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ version: 2, achievedOn: '2024-04-29' });
    req.flush(aMilestone({ achievedOn: '2024-04-29', state: 'achieved' }));
    await fixture.whenStable();
    await answer(aMilestone({ achievedOn: '2024-04-29', state: 'achieved', version: 3 }));
    expect(facts()['État']).toBe('Atteint le 29/04/2024');
    expect(text(page.querySelector('button[type="submit"]'))).toBe('Marquer comme non atteint');
  });

  it('marks it achieved with its proof in the same request', async () => {
    await open();
    const typeIn = async (id: string, value: string) => {
      const el = must(page.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`));
      el.value = value;
      el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input'));
      await fixture.whenStable();
    };
    await typeIn('milestone-proof-title', 'Compte rendu du comité');
    await typeIn('milestone-proof-url', 'https://brest.fr/cr.pdf');
    await submit();
    const req = http.expectOne('/api/milestones/ms-1');
    expect(req.request.body).toEqual({
      version: 2,
      achievedOn: '2024-05-01',
      proofTitle: 'Compte rendu du comité',
      proofUrl: 'https://brest.fr/cr.pdf',
      proofKind: 'document',
    });
    req.flush(aMilestone({ achievedOn: '2024-05-01', state: 'achieved', version: 3 }));
    await fixture.whenStable();
    await answer(aMilestone({ achievedOn: '2024-05-01', state: 'achieved', version: 3 }));
    // achieved: no proof fields with « Marquer comme non atteint »
    expect(page.querySelector('[data-testid="proof-fields"]')).toBeNull();
  });

  it('marks an achieved milestone as not achieved', async () => {
    await open(aMilestone({ achievedOn: '2024-04-29', state: 'achieved' }));
    await submit();
    const req = http.expectOne('/api/milestones/ms-1');
    expect(req.request.body).toEqual({ version: 2, achievedOn: null });
    req.flush(aMilestone());
    await fixture.whenStable();
    await answer(aMilestone({ version: 3 }));
    expect(facts()['État']).toBe('À venir');
  });

  it('shows a refused day next to its field', async () => {
    await open();
    await submit();
    http.expectOne('/api/milestones/ms-1').flush(
      ...refusal(400, 'validation_failed', 'La requête contient des erreurs.', {
        errors: [
          {
            field: 'achievedOn',
            message: 'achievedOn doit être une date au format AAAA-MM-JJ.',
          },
        ],
      }),
    );
    await fixture.whenStable();
    const input = must(page.querySelector('#milestone-achieved-on'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(text(page.querySelector(`#${input.getAttribute('aria-describedby')}`))).toBe(
      'achievedOn doit être une date au format AAAA-MM-JJ.',
    );
  });
  describe('re-planning its date with the keyboard', () => {
    const replan = (): HTMLElement => must(page.querySelector<HTMLElement>('[data-testid="replan-form"]'), 'replan form');
    const replanSection = (): HTMLElement => must(replan().closest<HTMLElement>('section'), 'replan section');
    const dateField = (): HTMLInputElement => must(page.querySelector<HTMLInputElement>('#replan-date'), 'date');

    async function replanTo(date: string, comment = ''): Promise<void> {
      const input = dateField();
      input.value = date;
      input.dispatchEvent(new Event('input'));
      const textarea = must(page.querySelector<HTMLTextAreaElement>('#replan-comment'));
      textarea.value = comment;
      textarea.dispatchEvent(new Event('input'));
      await fixture.whenStable();
      replan().dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    }

    it('offers the planned date in a labelled date field, with the roadmap’s bounds as a hint', async () => {
      await open();
      expect(text(replanSection().querySelector('h2'))).toBe('Replanifier');
      const input = dateField();
      expect([input.type, input.value]).toEqual(['date', '2024-05-20']);
      expect(text(page.querySelector('label[for="replan-date"]'))).toBe('Date prévue');
      expect(text(page.querySelector(`#${input.getAttribute('aria-describedby')}`))).toBe(
        'Entre le 01/01/2024 et le 03/02/2025, dates de la feuille de route. La phase du jalon est celle qui contient ce jour.',
      );
    });

    it('sends the new date, the comment and the version read, then shows the new date and phase', async () => {
      await open();
      await replanTo('2024-06-10', 'Reporté après le conseil.');

      const req = http.expectOne('/api/milestones/ms-1');
      expect(req.request.method).toBe('PATCH');
      expect(req.request.body).toEqual({
        version: 2,
        date: '2024-06-10',
        comment: 'Reporté après le conseil.',
      });
      const replanned = aMilestone({
        date: '2024-06-10',
        phaseId: 'phase-3',
        version: 3,
      });
      req.flush(replanned);
      await fixture.whenStable();
      await answer(replanned);

      expect(facts()).toMatchObject({
        'Date prévue': '10/06/2024',
        Phase: 'Phase d’émergence',
      });
      expect(text(replanSection().querySelector('[role="status"]'))).toBe(
        'Nouvelle date enregistrée : le 10/06/2024, phase « Phase d’émergence ».',
      );
      expect(dateField().value).toBe('2024-06-10');
    });

    it('refuses a date outside the roadmap before sending anything, next to the field', async () => {
      await open();
      await replanTo('2025-03-01');

      http.expectNone('/api/milestones/ms-1');
      const input = dateField();
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')).toContain('replan-date-error');
      expect(text(page.querySelector('#replan-date-error'))).toBe(
        'La date du jalon doit être comprise entre le 01/01/2024 et le 03/02/2025.',
      );
      expect(document.activeElement).toBe(input);
      expect(facts()['Date prévue']).toBe('20/05/2024');
    });

    it('shows the API’s refusal next to the date (422)', async () => {
      await open();
      await replanTo('2024-06-10');
      const refusal = 'Aucune phase de la feuille de route ne contient cette date.';
      http.expectOne('/api/milestones/ms-1').flush(
        {
          statusCode: 422,
          error: 'rule_broken',
          message: refusal,
          errors: [{ field: 'date', message: refusal }],
        },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
      await fixture.whenStable();

      const input = dateField();
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(text(page.querySelector('#replan-date-error'))).toBe(refusal);
      expect(document.activeElement).toBe(input);
    });

    it('on a version conflict, says so and shows the current version at once', async () => {
      await open();
      await replanTo('2024-06-10');
      http
        .expectOne('/api/milestones/ms-1')
        .flush(...refusal(409, 'version_conflict', 'Cet élément a changé entre-temps (version 4).', { currentVersion: 4 }));
      await fixture.whenStable();
      await answer(aMilestone({ date: '2024-05-27', version: 4 }));

      expect(text(replanSection().querySelector('[role="alert"]'))).toContain('Sa version actuelle vient d’être rechargée');
      expect(facts()['Date prévue']).toBe('27/05/2024');
      expect(dateField().value).toBe('2024-05-27');

      await replanTo('2024-06-10');
      const retry = http.expectOne('/api/milestones/ms-1');
      expect(retry.request.body).toEqual({ version: 4, date: '2024-06-10' });
      retry.flush(aMilestone({ date: '2024-06-10', version: 5 }));
      await fixture.whenStable();
      await answer(aMilestone({ date: '2024-06-10', version: 5 }));
    });
  });
});
