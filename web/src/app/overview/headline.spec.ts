import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { todayIn } from '@jalons/domain';

import { french } from '../i18n/i18n';
import { provideFrenchLocale } from '../locale';
import { must, text } from '../testing/dom';
import { aPhase, aRoadmap, aRollUp, fourPhases } from '../testing/factories';
import { Headline, headlineDriver, roadmapHeadline } from './headline';

/** The roadmap of the factories with the current phase (Incubation post-électorale) as given. */
function withCurrentPhase(health: 'on_track' | 'at_risk' | 'late', overall: 'on_track' | 'at_risk' | 'late') {
  const phases = fourPhases().map((p) => (p.id === 'phase-2' ? aPhase({ ...p, rollUp: aRollUp({ health }) }) : p));
  return aRoadmap({ phases, rollUp: aRollUp({ health: overall }) });
}

describe('the headline of a roadmap', () => {
  it('is the current phase’s when it is worse than the whole, and says so', () => {
    const h = roadmapHeadline(withCurrentPhase('late', 'at_risk'));
    expect(h).toEqual(expect.objectContaining({ health: 'late', drivenBy: 'currentPhase' }));
    expect(headlineDriver(h, french)).toBe(
      'Appréciation retenue : En retard, celle de la phase en cours, moins bien placée que l’ensemble.',
    );
  });

  it('is the whole’s otherwise, and outside the phases', () => {
    const h = roadmapHeadline(withCurrentPhase('on_track', 'at_risk'));
    expect(h).toEqual(expect.objectContaining({ health: 'at_risk', drivenBy: 'overall' }));
    expect(headlineDriver(h, french)).toContain('la santé d’ensemble (la phase en cours n’est pas moins bien placée)');
    const outside = roadmapHeadline(aRoadmap({ currentPhaseId: null }));
    expect(outside.currentPhase).toBeNull();
    expect(headlineDriver(outside, french)).toBe(
      'Appréciation retenue : À surveiller, la santé d’ensemble (aucune phase en cours ce jour-là).',
    );
  });
});

@Component({
  imports: [Headline],
  template: `<jl-headline [roadmap]="roadmap()" />`,
})
class Host {
  readonly roadmap = signal(withCurrentPhase('late', 'on_track'));
}

describe('Headline', () => {
  let fixture: ComponentFixture<Host>;
  let host: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [provideRouter([{ path: 'r/:slug', component: Host }], withComponentInputBinding()), provideFrenchLocale()],
    });
    fixture = TestBed.createComponent(Host);
    host = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await fixture.whenStable();
  });

  it('shows both healths, which one sets the headline, and the way to the council report', () => {
    expect(text(host.querySelector('h2'))).toBe('En bref, au 01/05/2024');
    expect(text(host.querySelector('[data-testid="headline-overall"]'))).toBe('Santé d’ensemble : À l’heure');
    expect(text(host.querySelector('[data-testid="headline-phase"]'))).toBe('Phase en cours (Incubation post-électorale) : En retard');
    expect(host.querySelector('[data-testid="headline-driver"]')?.getAttribute('data-driven-by')).toBe('currentPhase');
    expect(host.querySelector('[data-testid="headline"]')?.getAttribute('data-health')).toBe('late');
    const report = Array.from(host.querySelectorAll('a')).find((a) => text(a) === 'Rapport au conseil');
    // the factories' roadmap is read on 01/05/2024, a past day: the report opens on it
    expect(report?.getAttribute('href')).toBe('/r/brest-2026-2032/rapport?at=2024-05-01');
  });

  it('« À la date du » puts the day in the address; « Revenir à aujourd’hui » takes it out', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/r/brest-2026-2032');
    const input = must(host.querySelector<HTMLInputElement>('#vue-date'), '« À la date du »');
    expect(text(host.querySelector('label[for="vue-date"]'))).toBe('À la date du');
    expect(input.value).toBe('2024-05-01');
    // on a past day, the field is there from the start
    expect(input.type).toBe('date');
    expect(input.value).toBe('2024-05-01');
    // typing alone does not move the page (a date is typed digit by digit)
    input.value = '2025-12-31';
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(router.url).toBe('/r/brest-2026-2032');
    must(Array.from(host.querySelectorAll('button')).find((b) => text(b) === 'Afficher')).click();
    await fixture.whenStable();
    expect(router.url).toBe('/r/brest-2026-2032?at=2025-12-31');

    must(Array.from(host.querySelectorAll('button')).find((b) => text(b) === 'Revenir à aujourd’hui')).click();
    await fixture.whenStable();
    expect(router.url).toBe('/r/brest-2026-2032');
  });

  it('offers no way back on today’s view, and the date field only on demand, focused', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/r/brest-2026-2032');
    const today = todayIn('Europe/Paris');
    fixture.componentInstance.roadmap.set(aRoadmap({ at: today }));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(Array.from(host.querySelectorAll('button')).map((b) => text(b))).toEqual(['Voir un autre jour…']);
    expect(host.querySelector('#vue-date')).toBeNull();
    const report = Array.from(host.querySelectorAll('a')).find((a) => text(a) === 'Rapport au conseil');
    expect(report?.getAttribute('href')).toBe('/r/brest-2026-2032/rapport');

    must(Array.from(host.querySelectorAll('button')).find((b) => text(b) === 'Voir un autre jour…')).click();
    fixture.detectChanges();
    await fixture.whenStable();
    const input = must(host.querySelector<HTMLInputElement>('#vue-date'), '« À la date du »');
    expect(input.type).toBe('date');
    expect(input.value).toBe(today);
    expect(document.activeElement).toBe(input);
    expect(Array.from(host.querySelectorAll('button')).map((b) => text(b))).toEqual(['Afficher']);
    input.value = '2025-12-31';
    must(Array.from(host.querySelectorAll('button')).find((b) => text(b) === 'Afficher')).click();
    await fixture.whenStable();
    expect(router.url).toBe('/r/brest-2026-2032?at=2025-12-31');
  });
});
