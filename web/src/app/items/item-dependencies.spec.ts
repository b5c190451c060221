import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { must, text } from '../testing/dom';
import { refusal, ruleBroken, setUpPageTest } from '../testing/http';
import { aChronogram, aChronogramAction, anAction } from '../testing/factories';
import { ItemDependencies } from './item-dependencies';

const CHRONOGRAM = aChronogram({
  actions: [
    aChronogramAction(),
    aChronogramAction({ id: 'act-0', title: 'Constituer le vivier' }),
    aChronogramAction({ id: 'act-2', title: 'Former les agents' }),
  ],
});

describe('ItemDependencies', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ItemDependencies>;
  let page: HTMLElement;
  let changed: number;

  afterEach(() => http.verify());

  async function open(predecessorIds: string[] = ['act-0']): Promise<void> {
    http = setUpPageTest(ItemDependencies);
    fixture = TestBed.createComponent(ItemDependencies);
    fixture.componentRef.setInput('action', anAction({ predecessorIds }));
    fixture.componentRef.setInput('chronogram', CHRONOGRAM);
    changed = 0;
    fixture.componentInstance.changed.subscribe(() => changed++);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  const picker = (): HTMLInputElement => must(page.querySelector<HTMLInputElement>('#deps-add'));

  async function pick(query: string): Promise<void> {
    picker().dispatchEvent(new Event('focus'));
    picker().value = query;
    picker().dispatchEvent(new Event('input'));
    await fixture.whenStable();
    picker().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
    await fixture.whenStable();
  }

  it('lists the predecessors, linked, each with « Retirer »; offers the other actions only', async () => {
    await open();
    const items = Array.from(page.querySelectorAll('[data-testid="predecessors"] li'));
    expect(items.map(text)).toEqual(['Constituer le vivier Retirer Constituer le vivier']);
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe('/r/brest-2026-2032/actions/act-0');
    picker().dispatchEvent(new Event('focus'));
    await fixture.whenStable();
    // neither itself nor a predecessor it already has
    expect(Array.from(page.querySelectorAll('[role="option"] .picker__title')).map(text)).toEqual(['Former les agents']);
  });

  it('adds a predecessor picked, with the version read', async () => {
    await open([]);
    expect(text(page.querySelector('section'))).toContain('Aucune action précédente.');
    await pick('former');
    const req = http.expectOne('/api/actions/act-1/dependencies');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ predecessorId: 'act-2', version: 3 });
    req.flush(anAction({ predecessorIds: ['act-2'], version: 4 }));
    await fixture.whenStable();
    expect(changed).toBe(1);
    expect(text(page.querySelector('[role="status"]'))).toBe('« Former les agents » ajoutée aux actions précédentes.');
  });

  it('shows why a dependency is refused (a cycle) next to the picker', async () => {
    await open([]);
    await pick('former');
    const reason = 'Cette dépendance créerait un cycle : « Installer le comité d’éthique » précède déjà « Former les agents ».';
    http.expectOne('/api/actions/act-1/dependencies').flush(...ruleBroken('predecessorId', reason));
    await fixture.whenStable();
    expect(text(page.querySelector('#deps-add-error'))).toBe(reason);
    expect(picker().getAttribute('aria-describedby')).toContain('deps-add-error');
    expect(changed).toBe(0);
  });

  it('removes a predecessor, with the version read', async () => {
    await open();
    must(page.querySelector<HTMLButtonElement>('[data-testid="predecessors"] button')).click();
    const req = http.expectOne((r) => r.url === '/api/actions/act-1/dependencies/act-0');
    expect(req.request.method).toBe('DELETE');
    expect(req.request.params.get('version')).toBe('3');
    req.flush(anAction({ predecessorIds: [], version: 4 }));
    await fixture.whenStable();
    expect(changed).toBe(1);
  });

  it('offers to reload when someone else changed the action first', async () => {
    await open();
    must(page.querySelector<HTMLButtonElement>('[data-testid="predecessors"] button')).click();
    http
      .expectOne((r) => r.url === '/api/actions/act-1/dependencies/act-0')
      .flush(...refusal(409, 'version_conflict', 'Version périmée.', { currentVersion: 4 }));
    await fixture.whenStable();
    const alert = must(page.querySelector('[role="alert"]'));
    must(alert.querySelector('button')).click();
    expect(changed).toBe(1);
  });
});
