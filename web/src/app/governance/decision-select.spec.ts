import { Component, signal } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { must, text } from '../testing/dom';
import { setUpPageTest } from '../testing/http';
import { DecisionSelect } from './decision-select';
import { aDecision } from './testing/governance-factories';

@Component({
  imports: [DecisionSelect],
  template: `<jl-decision-select roadmapId="rm-1" controlId="replan-decision" [error]="error()" [(value)]="chosen" />`,
})
class Host {
  readonly chosen = signal<string | null>(null);
  readonly error = signal<string | null>(null);
}

describe('DecisionSelect — « Décision citée (facultatif) »', () => {
  let http: HttpTestingController;

  async function render() {
    http = setUpPageTest(Host);
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    http.expectOne('/api/roadmaps/rm-1/decisions').flush([
      aDecision({
        id: 'dec-2',
        date: '2026-09-10',
        kind: 'replanification',
        text: 'Report de la charte à décembre, faute de juriste disponible avant l’automne prochain, comme le comité l’a constaté.',
      }),
      aDecision(),
    ]);
    await fixture.whenStable();
    return fixture;
  }
  afterEach(() => http.verify());

  it('lists the roadmap’s decisions « date — kind — text » under its label, none chosen at first', async () => {
    const fixture = await render();
    const host = fixture.nativeElement as HTMLElement;
    const select = must(host.querySelector<HTMLSelectElement>('#replan-decision'));
    expect(text(host.querySelector('label[for="replan-decision"]'))).toBe('Décision citée (facultatif)');
    const options = Array.from(select.options).map((o) => text(o));
    expect(options[0]).toBe('Aucune');
    expect(options[1]).toMatch(/^10\/09\/2026 — Replanification — Report de la charte à décembre, .*…$/);
    expect(options[1].length).toBeLessThan(120);
    expect(options[2]).toBe('25/06/2026 — Validation — Délibération du conseil du 25/06/2026 : le plan v1 est validé.');
    expect(select.value).toBe('');
  });

  it('gives the chosen decision’s id, null again for « Aucune », and ties an error to the control', async () => {
    const fixture = await render();
    const host = fixture.nativeElement as HTMLElement;
    const select = must(host.querySelector<HTMLSelectElement>('#replan-decision'));
    select.value = 'dec-1';
    select.dispatchEvent(new Event('change'));
    expect(fixture.componentInstance.chosen()).toBe('dec-1');
    select.value = '';
    select.dispatchEvent(new Event('change'));
    expect(fixture.componentInstance.chosen()).toBeNull();
    fixture.componentInstance.error.set('Cette décision n’est pas de cette feuille de route.');
    await fixture.whenStable();
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(text(document.getElementById(must(select.getAttribute('aria-describedby')).split(' ')[0]))).toBe(
      'Cette décision n’est pas de cette feuille de route.',
    );
  });
});
