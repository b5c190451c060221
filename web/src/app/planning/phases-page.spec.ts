import type { PhasePlanView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { aRoadmap } from '../testing/factories';
import { aMe } from '../testing/session';
import { must, text } from '../testing/dom';
import { ruleBroken, setUpPageTest } from '../testing/http';
import { PhasesPage } from './phases-page';

describe('PhasesPage', () => {
  let fixture: ComponentFixture<PhasesPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  async function open(): Promise<void> {
    fixture = TestBed.createComponent(PhasesPage);
    fixture.componentRef.setInput('roadmap', 'rm-1');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/roadmaps/rm-1').flush(aRoadmap());
    await fixture.whenStable();
  }

  async function type(id: string, value: string): Promise<void> {
    const input = must(page.querySelector<HTMLInputElement>(`[id="${id}"]`), id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  /** emergence (phase 3) starts a month later: post-électorale ends on 2024-06-29 */
  async function moveEmergence(): Promise<void> {
    await type('phases-phases[1].end', '2024-06-29');
    await type('phases-phases[2].start', '2024-06-30');
  }

  async function submit(): Promise<void> {
    must(page.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  const button = (name: string) =>
    must(
      Array.from(page.querySelectorAll('button')).find((b) => text(b) === name),
      name,
    );

  const plan = (applied: boolean): PhasePlanView => ({
    applied,
    version: applied ? 2 : 1,
    phases: [],
    moves: [
      {
        itemType: 'action',
        id: 'a-1',
        title: 'Ouvrir le guichet',
        functionId: 'fn-ethique',
        date: '2024-06-03',
        from: { id: 'phase-3', code: 'emergence', name: 'Phase d’émergence' },
        to: { id: 'phase-2', code: 'post-electorale', name: 'Incubation post-électorale' },
      },
    ],
  });

  describe('for the project lead', () => {
    beforeEach(() => (http = setUpPageTest(PhasesPage)));
    afterEach(() => http.verify());

    it('checks the new dates (dry run), lists the items that would move, then applies them', async () => {
      await open();
      await moveEmergence();
      await submit();
      const check = http.expectOne({ method: 'PUT', url: '/api/roadmaps/rm-1/phases?dryRun=true' });
      expect(check.request.body.version).toBe(1);
      expect(check.request.body.phases[2]).toEqual({ code: 'emergence', start: '2024-06-30', end: '2024-10-26' });
      check.flush(plan(false));
      await fixture.whenStable();
      const rows = Array.from(page.querySelectorAll('[data-testid="moves"] tbody tr')).map((r) => text(r));
      expect(rows).toEqual([expect.stringContaining('Ouvrir le guichet')]);
      expect(rows[0]).toContain('Phase d’émergence');
      expect(rows[0]).toContain('Incubation post-électorale');

      button('Appliquer').click();
      await fixture.whenStable();
      http.expectOne({ method: 'PUT', url: '/api/roadmaps/rm-1/phases?dryRun=false' }).flush(plan(true));
      await fixture.whenStable();
      http.expectOne('/api/roadmaps/rm-1').flush(aRoadmap({ version: 2 }));
      await fixture.whenStable();
      expect(text(page)).toContain('Phases replanifiées : 1 élément a changé de phase.');
      expect(page.querySelector('[data-testid="moves"]')).toBeNull();
    });

    it('refuses a gap without asking the API, the message tied to the field', async () => {
      await open();
      await type('phases-phases[2].start', '2024-07-01');
      await submit();
      http.expectNone({ method: 'PUT' });
      const field = must(page.querySelector<HTMLInputElement>('[id="phases-phases[2].start"]'));
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(text(page.querySelector(`[id="${field.getAttribute('aria-describedby')?.split(' ')[0]}"]`))).toContain('intervalle');
    });

    it('shows the API’s refusal next to the phase it names', async () => {
      await open();
      await moveEmergence();
      await submit();
      http
        .expectOne({ method: 'PUT', url: '/api/roadmaps/rm-1/phases?dryRun=true' })
        .flush(...ruleBroken('phases[2].start', 'Cette phase chevauche la précédente.'));
      await fixture.whenStable();
      expect(page.querySelector('[id="phases-phases[2].start"]')?.getAttribute('aria-invalid')).toBe('true');
    });

    it('does not apply dates changed after the check, and « Annuler » puts the saved dates back', async () => {
      await open();
      await moveEmergence();
      await submit();
      http.expectOne({ method: 'PUT', url: '/api/roadmaps/rm-1/phases?dryRun=true' }).flush(plan(false));
      await fixture.whenStable();
      await type('phases-phases[2].end', '2024-10-20');
      expect(button('Appliquer').disabled).toBe(true);
      button('Annuler').click();
      await fixture.whenStable();
      expect(must(page.querySelector<HTMLInputElement>('[id="phases-phases[2].start"]')).value).toBe('2024-05-30');
      expect(page.querySelector('[data-testid="phase-moves"]')).toBeNull();
    });
  });

  describe('for a function owner', () => {
    beforeEach(() => (http = setUpPageTest(PhasesPage, aMe({ role: 'owner', functionIds: ['fn-ethique'] }))));
    afterEach(() => http.verify());

    it('offers no form', async () => {
      await open();
      expect(page.querySelector('form')).toBeNull();
      expect(text(page)).toContain('Seul·e le ou la chef·fe de projet replanifie les phases.');
    });
  });
});
