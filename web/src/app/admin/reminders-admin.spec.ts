import type { RemindersStatusView } from '@jalons/contract';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { provideFrenchLocale } from '../locale';
import { must, text } from '../testing/dom';
import { refusal } from '../testing/http';
import { aRemindersStatus } from '../testing/factories';
import { aMe, provideSession } from '../testing/session';
import { RemindersAdmin, describeCron } from './reminders-admin';

const STATUS = '/api/admin/reminders';

describe('RemindersAdmin', () => {
  let fixture: ComponentFixture<RemindersAdmin>;
  let http: HttpTestingController;
  let section: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [RemindersAdmin],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFrenchLocale(),
        provideSession(aMe({ role: 'admin', email: 'yann@example.test' })),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(status: RemindersStatusView = aRemindersStatus()) {
    fixture = TestBed.createComponent(RemindersAdmin);
    section = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    expect(text(section.querySelector('.notice[role="status"]'))).toBe('Chargement de l’état des rappels…');
    http.expectOne({ method: 'GET', url: STATUS }).flush(status);
    await fixture.whenStable();
  }

  function facts(testid: string): string[][] {
    return Array.from(section.querySelectorAll(`[data-testid="${testid}"] dt`)).map((dt) => [text(dt), text(dt.nextElementSibling)]);
  }

  function rows(testid: string): string[][] {
    return Array.from(section.querySelectorAll(`[data-testid="${testid}"] tbody tr`)).map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).map((c) => text(c)),
    );
  }

  function button(name: string): HTMLButtonElement {
    return must(
      Array.from(section.querySelectorAll('button')).find((b) => text(b).startsWith(name)),
      `button ${name}`,
    );
  }

  function type(id: string, value: string): void {
    const input = must(section.querySelector<HTMLInputElement>(`#${id}`), id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(testid: string): Promise<void> {
    must(section.querySelector(`[data-testid="${testid}"]`)).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('says when the job runs, whether e-mail can go out, and counts the queue', async () => {
    await open();
    expect(facts('reminders-schedule')).toEqual([
      ['Rappel automatique', 'Activé : tous les jours à 7 h 30 (heure de Paris)'],
      ['Expression cron', '30 7 * * *'],
      ['Serveur de courriel (SMTP)', 'Configuré'],
    ]);
    expect(section.querySelector('[data-testid="smtp-warning"]')).toBeNull();
    expect(facts('outbox-counts')).toEqual([
      ['En attente', '1'],
      ['En cours d’envoi', '0'],
      ['Envoyés', '40'],
      ['En échec', '2'],
    ]);
    expect(rows('runs')).toEqual([['28/11/2026', 'Automatique', '12', '5', '3', '—']]);
  });

  it('shows the backlog waiting for the mail server and its last error, and nothing once all went out', async () => {
    await open(
      aRemindersStatus({
        backlog: {
          pending: 3,
          oldestPendingAt: '2026-11-28T06:30:02.000Z',
          oldestPendingMinutes: 65,
          failed: 0,
          lastError: { at: '2026-11-28T07:35:00.000Z', message: 'connect ECONNREFUSED 127.0.0.1:25' },
        },
      }),
    );
    const backlog = must(section.querySelector('[data-testid="outbox-backlog"]'));
    expect(text(backlog.querySelector('strong'))).toBe('3 courriels attendent d’être envoyés (le plus ancien depuis 1 h 05).');
    expect(backlog.querySelector('.notice--warning')).not.toBeNull();
    expect(text(section.querySelector('[data-testid="outbox-last-error"]'))).toBe(
      'Dernière erreur d’envoi, le 28/11/2026 à 08:35 : connect ECONNREFUSED 127.0.0.1:25',
    );

    fixture.destroy();
    await open(
      aRemindersStatus({ backlog: { pending: 0, oldestPendingAt: null, oldestPendingMinutes: null, failed: 0, lastError: null } }),
    );
    expect(text(section.querySelector('[data-testid="outbox-backlog"]'))).toBe('');
  });

  it('warns clearly when no SMTP server is configured, or the job is off here', async () => {
    await open(aRemindersStatus({ smtpConfigured: false, enabled: false }));
    expect(facts('reminders-schedule')[2]).toEqual(['Serveur de courriel (SMTP)', 'Non configuré']);
    expect(text(section.querySelector('[data-testid="smtp-warning"]'))).toContain(
      'Aucun serveur de courriel n’est configuré : aucun courriel ne part.',
    );
    expect(facts('reminders-schedule')[0][1]).toBe('Désactivé sur cette instance');
    expect(section.querySelector('[data-testid="disabled-warning"]')).not.toBeNull();
  });

  it('lists the e-mails in trouble, and puts a failed one back in the queue', async () => {
    const retrying = {
      ...aRemindersStatus().problems[0],
      id: 'mail-2',
      to: 'anne@example.test',
      status: 'pending' as const,
      attempts: 2,
      lastError: 'Connection timeout',
      nextAttemptAt: '2026-11-28T09:00:00.000Z',
    };
    await open(
      aRemindersStatus({
        problems: [aRemindersStatus().problems[0], retrying],
      }),
    );
    expect(rows('problems')).toEqual([
      [
        'soizic@example.test',
        'Jalons : vos rappels du 28/11/2026',
        'En échec',
        '5',
        '550 Mailbox unavailable',
        '—',
        'Réessayer l’envoi à soizic@example.test',
      ],
      [
        'anne@example.test',
        'Jalons : vos rappels du 28/11/2026',
        'Nouvel essai prévu',
        '2',
        'Connection timeout',
        '28/11/2026 à 10:00',
        '—',
      ],
    ]);

    button('Réessayer').click();
    http.expectOne({ method: 'POST', url: '/api/admin/outbox/mail-1/retry' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    http.expectOne(STATUS).flush(
      aRemindersStatus({
        counts: { pending: 2, sending: 0, sent: 40, failed: 1 },
        problems: [retrying],
      }),
    );
    await fixture.whenStable();

    expect(text(section.querySelector('[data-testid="retry-announcement"]'))).toBe(
      'Le courriel « Jalons : vos rappels du 28/11/2026 » à soizic@example.test est remis dans la file d’envoi.',
    );
    expect(facts('outbox-counts')[3]).toEqual(['En échec', '1']);
    expect(rows('problems')).toHaveLength(1);
  });

  it('runs the job now, for the day given, and reports what it did', async () => {
    await open();
    type('run-date', '2026-12-01');
    await submit('run-form');
    const req = http.expectOne({
      method: 'POST',
      url: '/api/admin/reminders/run',
    });
    expect(req.request.body).toEqual({ date: '2026-12-01' });
    req.flush({
      day: '2026-12-01',
      selected: 8,
      created: 1,
      digests: 2,
      selectionMs: 14,
      delivery: { sent: 2, retrying: 0, failed: 0 },
    });
    await fixture.whenStable();
    http.expectOne(STATUS).flush(aRemindersStatus());
    await fixture.whenStable();

    expect(text(section.querySelector('[data-testid="run-report"]'))).toBe(
      'Rappel du 01/12/2026 : 8 échéances retenues, 1 nouveau rappel, 2 récapitulatifs à envoyer. Envoi : 2 courriels envoyés, 0 à réessayer, 0 en échec.',
    );
  });

  it('runs the job for today when no day is given, and shows a refusal', async () => {
    await open();
    await submit('run-form');
    const req = http.expectOne('/api/admin/reminders/run');
    expect(req.request.body).toEqual({});
    req.flush(...refusal(500, 'internal', 'Le rappel a échoué : base indisponible.'));
    await fixture.whenStable();
    http.expectOne(STATUS).flush(aRemindersStatus());
    await fixture.whenStable();
    expect(text(section.querySelector('[role="alert"]'))).toBe('Le rappel a échoué : base indisponible.');
  });

  it('sends a test e-mail to the address given and says whether it went out', async () => {
    await open();
    type('test-to', 'anne@example.test');
    await submit('test-mail-form');
    const req = http.expectOne({ method: 'POST', url: '/api/admin/test-mail' });
    expect(req.request.body).toEqual({ to: 'anne@example.test' });
    req.flush({ sent: true, to: 'anne@example.test', error: null });
    await fixture.whenStable();
    expect(text(section.querySelector('[data-testid="test-mail-sent"]'))).toBe('Courriel d’essai envoyé à anne@example.test.');

    // to oneself, refused by the server
    type('test-to', '');
    await submit('test-mail-form');
    const again = http.expectOne('/api/admin/test-mail');
    expect(again.request.body).toEqual({});
    again.flush({
      sent: false,
      to: 'yann@example.test',
      error: 'connect ECONNREFUSED 127.0.0.1:25',
    });
    await fixture.whenStable();
    expect(text(section.querySelector('[data-testid="test-mail-failed"]'))).toBe(
      'Le courriel d’essai n’a pas pu être envoyé à yann@example.test : connect ECONNREFUSED 127.0.0.1:25',
    );
    expect(text(section.querySelector('[data-testid="test-mail-sent"]'))).toBe('');
  });

  it('says an invalid address next to its field', async () => {
    await open();
    type('test-to', 'pas-une-adresse');
    await submit('test-mail-form');
    http.expectOne('/api/admin/test-mail').flush(
      ...refusal(400, 'validation_failed', 'to doit être une adresse électronique valide.', {
        errors: [
          {
            field: 'to',
            message: 'to doit être une adresse électronique valide.',
          },
        ],
      }),
    );
    await fixture.whenStable();
    const field = must(section.querySelector('#test-to'));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(text(section.querySelector('#test-to-error'))).toBe('to doit être une adresse électronique valide.');
    expect(document.activeElement).toBe(field);
  });

  it('describes the usual daily schedules in words', () => {
    expect(describeCron('0 6 * * *')).toBe('tous les jours à 6 h 00');
    expect(describeCron('*/5 * * * 1-5')).toBe('selon l’expression cron « */5 * * * 1-5 »');
  });
});
