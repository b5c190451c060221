import type { MilestoneView } from '@jalons/contract';
import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { AuthService } from '../data/auth.service';
import { provideFrenchLocale } from '../locale';
import { aChronogram, aHistoryEntry, aMilestone } from '../testing/factories';
import { aMe, provideSession } from '../testing/session';
import { must } from '../testing/dom';
import { MilestonePage } from './milestone-page';

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('MilestonePage', () => {
  let fixture: ComponentFixture<MilestonePage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [MilestonePage],
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
    return Object.fromEntries(
      dts.map((dt) => [text(dt), text(dt.nextElementSibling)]),
    );
  }

  async function submit(): Promise<void> {
    must(page.querySelector('form')).dispatchEvent(
      new Event('submit', { cancelable: true }),
    );
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
    });
    const history = page.querySelector('[data-testid="history"] tbody tr');
    expect(text(history)).toContain('20/05/2024');
  });

  it('shows an elected member its state read-only, without a form', async () => {
    TestBed.inject(AuthService).setSession(aMe({ role: 'elected' }));
    await open(aMilestone({ achievedOn: '2024-05-18', state: 'achieved' }));
    expect(facts()['État']).toBe('Atteint le 18/05/2024');
    expect(page.querySelector('form')).toBeNull();
    expect(text(page.querySelector('[data-testid="read-only"]'))).toContain(
      'Consultation seule',
    );
  });

  it('marks it achieved on the day given, with the version read', async () => {
    await open();
    const day = must(
      page.querySelector<HTMLInputElement>('#milestone-achieved-on'),
    );
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
    await answer(
      aMilestone({ achievedOn: '2024-04-29', state: 'achieved', version: 3 }),
    );
    expect(facts()['État']).toBe('Atteint le 29/04/2024');
    expect(text(page.querySelector('button[type="submit"]'))).toBe(
      'Marquer comme non atteint',
    );
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
      {
        statusCode: 400,
        error: 'validation_failed',
        message: 'La requête contient des erreurs.',
        errors: [
          {
            field: 'achievedOn',
            message: 'achievedOn doit être une date au format AAAA-MM-JJ.',
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const input = must(page.querySelector('#milestone-achieved-on'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(
      text(page.querySelector(`#${input.getAttribute('aria-describedby')}`)),
    ).toBe('achievedOn doit être une date au format AAAA-MM-JJ.');
  });
});
