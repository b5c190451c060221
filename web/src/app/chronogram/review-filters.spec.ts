import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { provideFrenchLocale } from '../locale';
import { must } from '../testing/dom';
import { aChronogram } from '../testing/factories';
import { provideHttpTesting } from '../testing/http';
import { provideSession } from '../testing/session';
import { ReviewFilters } from './review-filters';

@Component({
  selector: 'jl-filters-host',
  imports: [ReviewFilters],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<jl-review-filters [chronogram]="view" [(display)]="display" />
    <p id="display">{{ display() }}</p>`,
})
class FiltersHost {
  readonly view = aChronogram();
  readonly display = signal<'chart' | 'table'>('chart');
}

describe('ReviewFilters — the weekly review’s filters in the URL', () => {
  let harness: RouterTestingHarness;
  let page: HTMLElement;
  const url = () => TestBed.inject(Router).url;

  async function open(at: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        ...provideHttpTesting(),
        provideRouter([{ path: 'chronogramme', component: FiltersHost }]),
        provideSession(),
        provideFrenchLocale(),
      ],
    });
    harness = await RouterTestingHarness.create(at);
    page = must(harness.routeNativeElement);
  }

  async function change(selector: string, value: string | boolean): Promise<void> {
    const el = must(page.querySelector<HTMLInputElement | HTMLSelectElement>(selector), selector);
    if (typeof value === 'boolean') (el as HTMLInputElement).checked = value;
    else el.value = value;
    el.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();
  }

  it('opens on the table when the URL says vue=tableau, and shows its filters as the URL holds them', async () => {
    await open('/chronogramme?vue=tableau&statut=bloquee,en_cours&enRetard=1&sous=14&phase=phase-2');
    expect(page.querySelector('#display')?.textContent).toBe('table');
    const checked = Array.from(page.querySelectorAll<HTMLInputElement>('fieldset input:checked')).map((i) =>
      i.parentElement?.textContent?.trim(),
    );
    expect(checked).toEqual(['En cours', 'Bloquée']);
    expect(must(page.querySelector<HTMLInputElement>('#filter-late')).checked).toBe(true);
    expect(must(page.querySelector<HTMLInputElement>('#filter-within')).value).toBe('14');
    expect(must(page.querySelector<HTMLSelectElement>('#filter-phase')).value).toBe('phase-2');
  });

  it('writes each choice into the URL, and « Effacer les filtres » takes them all out', async () => {
    await open('/chronogramme?vue=tableau');
    expect(page.textContent).not.toContain('Effacer les filtres');
    await change('#filter-owner', 'p-2');
    await change('fieldset input[type="checkbox"]', true);
    await change('#filter-late', true);
    await change('#filter-within', '30');
    expect(url()).toBe('/chronogramme?vue=tableau&responsable=p-2&statut=a_lancer&enRetard=1&sous=30');
    must(Array.from(page.querySelectorAll('button')).find((b) => b.textContent?.includes('Effacer les filtres'))).click();
    await harness.fixture.whenStable();
    expect(url()).toBe('/chronogramme?vue=tableau');
  });

  it('offers the provenances of the kit and « added in the app », kept in the URL as provenance=', async () => {
    await open('/chronogramme?vue=tableau&provenance=pratique');
    const select = must(page.querySelector<HTMLSelectElement>('#filter-provenance'));
    expect(Array.from(select.options).map((o) => [o.value, o.text.trim()])).toEqual([
      ['', 'Toutes'],
      ['etude', 'Étude'],
      ['pratique', 'Pratique d’un territoire'],
      ['exemple', 'Exemple à adapter'],
      ['locale', 'Ajout dans l’application'],
    ]);
    expect(select.value).toBe('pratique');
    await change('#filter-provenance', 'locale');
    expect(url()).toBe('/chronogramme?vue=tableau&provenance=locale');
    await change('#filter-provenance', '');
    expect(url()).toBe('/chronogramme?vue=tableau');
  });

  it('keeps the display in the URL: the chart has no filters and no vue', async () => {
    await open('/chronogramme?vue=tableau');
    harness.fixture.debugElement.query((d) => d.componentInstance instanceof FiltersHost).componentInstance.display.set('chart');
    await harness.fixture.whenStable();
    expect(url()).toBe('/chronogramme');
    expect(page.querySelector('form')).toBeNull();
  });
});
