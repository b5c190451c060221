import type { RoadmapDetailView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { AuthService } from '../data/auth.service';
import { must } from '../testing/dom';
import { refusal } from '../testing/http';
import { aRoadmap } from '../testing/factories';
import { aMe } from '../testing/session';
import { OverviewPage } from './overview-page';
import { OverviewPageHarness, text } from './testing/overview-page-harness';

// The project lead's settings: the public page and the reminder rules.
describe('OverviewPage', () => {
  let harness: OverviewPageHarness;
  let fixture: ComponentFixture<OverviewPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    harness = new OverviewPageHarness();
    http = harness.http;
  });

  afterEach(() => http.verify());

  function open(roadmapId?: string): void {
    harness.open(roadmapId);
    ({ fixture, page } = harness);
  }

  const answer = (...args: Parameters<OverviewPageHarness['answer']>): Promise<void> => harness.answer(...args);

  describe('the public page setting', () => {
    const setting = (): Element | null => page.querySelector('[data-testid="public-page-setting"]');
    const toggle = (): HTMLButtonElement => setting()?.querySelector('button') as HTMLButtonElement;

    it.each(['elected', 'owner', 'admin'] as const)('is not shown to a %s', async (role) => {
      TestBed.inject(AuthService).setSession(aMe({ role }));
      open('rm-1');
      await answer(aRoadmap());
      expect(setting()).toBeNull();
    });

    it('lets the project lead open the public page, with the version read, and gives its address', async () => {
      TestBed.inject(AuthService).setSession(aMe({ role: 'lead' }));
      open('rm-1');
      await answer(aRoadmap({ publicPage: false, version: 3 }));
      expect(text(setting()?.querySelector('[data-testid="public-page-state"]'))).toBe('La page publique est fermée.');
      expect(text(toggle())).toBe('Ouvrir la page publique');

      toggle().click();
      const req = http.expectOne({
        method: 'PATCH',
        url: '/api/roadmaps/rm-1/settings',
      });
      expect(req.request.body).toEqual({ version: 3, publicPage: true });
      req.flush(aRoadmap({ publicPage: true, version: 4 }));
      await fixture.whenStable();

      const state = setting()?.querySelector('[data-testid="public-page-state"]');
      expect(text(state)).toBe('La page publique est ouverte : http://localhost/public/brest-2026-2032');
      expect(state?.querySelector('a')?.getAttribute('href')).toBe('/public/brest-2026-2032');
      expect(text(setting()?.querySelector('[role="status"]'))).toBe('Page publique ouverte.');

      // closing it again sends the new version
      toggle().click();
      expect(http.expectOne('/api/roadmaps/rm-1/settings').request.body).toEqual({ version: 4, publicPage: false });
    });

    it('on a version conflict, says so and shows the setting as it now is', async () => {
      TestBed.inject(AuthService).setSession(aMe({ role: 'lead' }));
      open('rm-1');
      await answer(aRoadmap({ publicPage: false, version: 3 }));
      toggle().click();
      http.expectOne('/api/roadmaps/rm-1/settings').flush(...refusal(409, 'version_conflict', 'Version périmée.', { currentVersion: 4 }));
      http.expectOne({ method: 'GET', url: '/api/roadmaps/rm-1' }).flush(aRoadmap({ publicPage: true, version: 4 }));
      await fixture.whenStable();
      expect(text(setting()?.querySelector('[role="alert"]'))).toContain('modifié entre-temps');
      expect(text(toggle())).toBe('Fermer la page publique');
    });
  });

  describe('the reminder rules', () => {
    const rules = (): HTMLElement => must(page.querySelector<HTMLElement>('[data-testid="reminder-rules"]'));
    const field = (name: string): HTMLInputElement => must(page.querySelector<HTMLInputElement>(`#rules-${name}`), name);

    function type(name: string, value: string): void {
      field(name).value = value;
      field(name).dispatchEvent(new Event('input'));
    }

    async function save(): Promise<void> {
      must(rules().querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    }

    async function openAsLead(roadmap: RoadmapDetailView = aRoadmap({ version: 3 })): Promise<void> {
      TestBed.inject(AuthService).setSession(aMe({ role: 'lead' }));
      open('rm-1');
      await answer(roadmap);
    }

    it.each(['elected', 'owner', 'admin'] as const)('is not shown to a %s', async (role) => {
      TestBed.inject(AuthService).setSession(aMe({ role }));
      open('rm-1');
      await answer(aRoadmap());
      expect(page.querySelector('[data-testid="reminder-rules"]')).toBeNull();
    });

    it('shows the rules in force, and saves the lead’s changes with the version read', async () => {
      await openAsLead();
      expect(text(rules().querySelector('h2'))).toBe('Règles de rappel');
      expect(field('before').value).toBe('14, 7, 1');
      expect(field('onDueDate').checked).toBe(true);
      expect(field('overdueEveryDays').value).toBe('7');
      expect(field('escalateAfterDays').value).toBe('7');
      expect(field('milestones').checked).toBe(true);
      expect(field('indicatorStaleDays').value).toBe('90');
      expect(text(page.querySelector('label[for="rules-indicatorStaleDays"]'))).toBe('Indicateur sans mesure depuis … jours');
      expect(text(page.querySelector('label[for="rules-escalateAfterDays"]'))).toBe(
        'Prévenir le ou la chef·fe de projet après … jours de retard',
      );

      type('before', '7, 30 ; 1 7');
      type('overdueEveryDays', '0');
      type('escalateAfterDays', '21');
      field('milestones').click();
      type('indicatorStaleDays', '30');
      await save();

      const req = http.expectOne({
        method: 'PATCH',
        url: '/api/roadmaps/rm-1/settings',
      });
      expect(req.request.body).toEqual({
        version: 3,
        reminders: {
          before: [30, 7, 1],
          onDueDate: true,
          overdueEveryDays: 0,
          escalateAfterDays: 21,
          milestones: false,
          indicatorStaleDays: 30,
        },
      });
      const saved = {
        before: [30, 7, 1],
        onDueDate: true,
        overdueEveryDays: 0,
        escalateAfterDays: 21,
        milestones: false,
        indicatorStaleDays: 30,
      };
      req.flush(aRoadmap({ version: 4, reminderRules: saved }));
      await fixture.whenStable();

      expect(text(rules().querySelector('[role="status"]'))).toBe('Règles de rappel enregistrées.');
      expect(field('before').value).toBe('30, 7, 1');
      // the public page is saved with the version the rules gave
      must(page.querySelector<HTMLButtonElement>('[data-testid="public-page-setting"] button')).click();
      expect(http.expectOne('/api/roadmaps/rm-1/settings').request.body).toEqual({ version: 4, publicPage: true });
    });

    it('says next to a field what is wrong before sending anything', async () => {
      await openAsLead();
      type('before', '14, la veille');
      type('overdueEveryDays', '');
      type('indicatorStaleDays', '400');
      await save();
      http.expectNone('/api/roadmaps/rm-1/settings');
      expect(text(page.querySelector('#rules-before-error'))).toBe(
        'Indiquez au plus 6 nombres entiers de jours, de 1 à 90, séparés par des virgules (par exemple : 14, 7, 1).',
      );
      expect(text(page.querySelector('#rules-overdueEveryDays-error'))).toBe('Indiquez un nombre entier de jours de 0 (jamais) à 60.');
      expect(text(page.querySelector('#rules-indicatorStaleDays-error'))).toBe('Indiquez un nombre entier de jours de 0 (jamais) à 365.');
      expect(field('indicatorStaleDays').getAttribute('aria-describedby')).toContain('rules-indicatorStaleDays-error');
      expect(field('before').getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(field('before'));
    });

    it('shows the API’s field errors next to their fields', async () => {
      await openAsLead();
      await save();
      http.expectOne('/api/roadmaps/rm-1/settings').flush(
        ...refusal(400, 'validation_failed', 'Requête invalide.', {
          errors: [
            {
              field: 'reminders.escalateAfterDays',
              message: 'escalateAfterDays doit être un nombre de jours de 0 (jamais) à 90.',
            },
          ],
        }),
      );
      await fixture.whenStable();
      const escalate = field('escalateAfterDays');
      expect(escalate.getAttribute('aria-invalid')).toBe('true');
      expect(escalate.getAttribute('aria-describedby')).toContain('rules-escalateAfterDays-error');
      expect(text(page.querySelector('#rules-escalateAfterDays-error'))).toBe(
        'escalateAfterDays doit être un nombre de jours de 0 (jamais) à 90.',
      );
      expect(text(rules().querySelector('[role="alert"]'))).toBe('Requête invalide.');
      expect(document.activeElement).toBe(escalate);
    });

    it('on a version conflict, reloads the rules now in force and saves next with their version', async () => {
      await openAsLead();
      type('overdueEveryDays', '3');
      await save();
      http.expectOne('/api/roadmaps/rm-1/settings').flush(...refusal(409, 'version_conflict', 'Version périmée.', { currentVersion: 5 }));
      http.expectOne({ method: 'GET', url: '/api/roadmaps/rm-1' }).flush(
        aRoadmap({
          version: 5,
          reminderRules: {
            before: [7],
            onDueDate: false,
            overdueEveryDays: 14,
            escalateAfterDays: 0,
            milestones: true,
            indicatorStaleDays: 0,
          },
        }),
      );
      await fixture.whenStable();

      expect(text(rules().querySelector('[role="alert"]'))).toContain('modifiés entre-temps');
      expect(field('before').value).toBe('7');
      expect(field('onDueDate').checked).toBe(false);
      expect(field('overdueEveryDays').value).toBe('14');
      expect(field('indicatorStaleDays').value).toBe('0');

      await save();
      expect(http.expectOne('/api/roadmaps/rm-1/settings').request.body).toEqual({
        version: 5,
        reminders: {
          before: [7],
          onDueDate: false,
          overdueEveryDays: 14,
          escalateAfterDays: 0,
          milestones: true,
          indicatorStaleDays: 0,
        },
      });
    });
  });
});
