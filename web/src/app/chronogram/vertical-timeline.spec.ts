import type { ChronogramView } from '@jalons/contract';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { must, text } from '../testing/dom';
import { aChronogram, aChronogramAction, aChronogramMilestone, aFunction, aRoadmap } from '../testing/factories';
import { buildTimeline } from './vertical-timeline-model';
import { JlVerticalTimeline } from './vertical-timeline';

/**
 * The fixtures' roadmap: four phases from 2024-01-01 to 2025-02-03, the reference day 2024-05-01 in the
 * second one (« Incubation post-électorale », 2024-04-10 → 2024-05-29).
 */
function view(overrides: Partial<ChronogramView> = {}): ChronogramView {
  return aChronogram({
    functions: [aFunction(), aFunction({ id: 'fn-donnees', code: 'donnees', name: 'Données', color: '#1f78b4', order: 2 })],
    actions: [
      aChronogramAction({ id: 'act-late', title: 'Rédiger la charte', start: '2024-04-12', due: '2024-04-25', progress: 20 }),
      aChronogramAction({
        id: 'act-done',
        title: 'Installer le comité',
        start: '2024-04-11',
        due: '2024-04-20',
        status: 'terminee',
        progress: 100,
      }),
      aChronogramAction({
        id: 'act-data',
        functionId: 'fn-donnees',
        title: 'Inventorier les données',
        start: '2024-06-01',
        due: '2024-09-30',
        progress: 0,
        status: 'a_lancer',
      }),
    ],
    milestones: [
      aChronogramMilestone({ id: 'ms-late', title: 'Charte votée', date: '2024-04-28', state: 'late' }),
      aChronogramMilestone({
        id: 'ms-first',
        title: 'Équipe formée',
        date: '2024-02-15',
        phaseId: 'phase-1',
        state: 'achieved',
        achievedOn: '2024-02-10',
      }),
      aChronogramMilestone({
        id: 'ms-next',
        functionId: 'fn-donnees',
        title: 'Inventaire publié',
        date: '2024-10-01',
        phaseId: 'phase-3',
        state: 'upcoming',
      }),
      aChronogramMilestone({ id: 'ms-soon', title: 'Comité réuni', date: '2024-05-10', state: 'upcoming' }),
    ],
    ...overrides,
  });
}

describe('buildTimeline', () => {
  it('puts the phases in order, each milestone in its phase by date, and « today » among them in its place', () => {
    const tl = buildTimeline(view());
    expect(tl.phases.map((p) => [p.name, p.current])).toEqual([
      ['Incubation pré-électorale', false],
      ['Incubation post-électorale', true],
      ['Phase d’émergence', false],
      ['Phase de maturation', false],
    ]);
    const entries = tl.phases.map((p) => p.entries.map((e) => (e.kind === 'today' ? `today ${e.date}` : `${e.date} ${e.title}`)));
    expect(entries).toEqual([
      ['2024-02-15 Équipe formée'],
      ['2024-04-28 Charte votée', 'today 2024-05-01', '2024-05-10 Comité réuni'],
      ['2024-10-01 Inventaire publié'],
      [],
    ]);
    expect(tl.todayBefore || tl.todayAfter).toBe(false);
  });

  it('says « today » before the first phase or after the last when the day is outside the roadmap', () => {
    const before = buildTimeline(view({ roadmap: aRoadmap({ at: '2023-06-01', currentPhaseId: null }) }));
    expect([before.todayBefore, before.todayAfter]).toEqual([true, false]);
    expect(before.phases.flatMap((p) => p.entries).some((e) => e.kind === 'today')).toBe(false);
    const after = buildTimeline(view({ roadmap: aRoadmap({ at: '2025-06-01', currentPhaseId: null }) }));
    expect([after.todayBefore, after.todayAfter]).toEqual([false, true]);
  });

  it('lists each function’s actions by start, counting the finished and the late ones', () => {
    const tl = buildTimeline(view());
    expect(tl.functions.map((f) => [f.name, f.actions.map((a) => a.id), f.done, f.late])).toEqual([
      ['Éthique', ['act-done', 'act-late'], 1, 1],
      ['Données', ['act-data'], 0, 0],
    ]);
    expect(tl.functions[0].actions.map((a) => a.health)).toEqual(['on_track', 'late']);
  });
});

describe('JlVerticalTimeline', () => {
  function render(v: ChronogramView = view()): HTMLElement {
    TestBed.configureTestingModule({ imports: [JlVerticalTimeline], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(JlVerticalTimeline);
    fixture.componentRef.setInput('chronogram', v);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('draws the four phases with their dates, marks the current one and « Aujourd’hui »', () => {
    const el = render();
    const phases = Array.from(el.querySelectorAll('.vt__phases > li'));
    expect(phases.map((p) => text(p.querySelector('h3')))).toEqual([
      'Incubation pré-électorale',
      'Incubation post-électorale Phase en cours',
      'Phase d’émergence',
      'Phase de maturation',
    ]);
    expect(phases[1].getAttribute('aria-current')).toBe('step');
    expect(phases.filter((p) => p.hasAttribute('aria-current'))).toHaveLength(1);
    expect(text(phases[0].querySelector('.vt__meta'))).toBe('Du 01/01/2024 au 09/04/2024');
    expect(text(el.querySelector('[data-testid="timeline-today"]'))).toBe('Aujourd’hui 01/05/2024');
    expect(phases[1].querySelector('[data-testid="timeline-today"]')).not.toBeNull();
  });

  it('lists the milestones in date order with their state, each linking to its page', () => {
    const el = render();
    const milestones = Array.from(el.querySelectorAll('.vt__milestone'));
    expect(milestones.map((m) => m.getAttribute('data-milestone'))).toEqual(['ms-first', 'ms-late', 'ms-soon', 'ms-next']);
    expect(text(milestones[1])).toBe('◆Charte votée 28/04/2024 · Éthique · En retard');
    expect(milestones[1].querySelector('a')?.getAttribute('href')).toBe('/r/brest-2026-2032/jalons/ms-late');
  });

  it('gives each function a collapsible list of its actions with counts, status, health and dates', () => {
    const el = render();
    const lists = Array.from(el.querySelectorAll('details'));
    expect(lists.map((d) => text(d.querySelector('summary')))).toEqual([
      'Éthique 2 actions · 1 terminée · 1 en retard',
      'Données 1 action · 0 terminée',
    ]);
    // closed at first when there are several functions: the reader opens the one they want
    expect(lists.map((d) => d.open)).toEqual([false, false]);
    const late = must(el.querySelector('[data-action="act-late"]'));
    expect(text(late)).toBe('Rédiger la charte En cours En retard du 12/04/2024 au 25/04/2024');
    expect(late.querySelector('a')?.getAttribute('href')).toBe('/r/brest-2026-2032/actions/act-late');
  });

  it('opens the list at once when it shows one function (?fonction=)', () => {
    const el = render(view({ functions: [aFunction()] }));
    expect(Array.from(el.querySelectorAll('details')).map((d) => d.open)).toEqual([true]);
  });
});
