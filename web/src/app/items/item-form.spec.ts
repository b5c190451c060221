import type { MeView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { must, text } from '../testing/dom';
import { ruleBroken } from '../testing/http';
import { aChronogram, aChronogramAction, aFunction, aMilestone, aPerson, anAction } from '../testing/factories';
import { setUpPageTest } from '../testing/http';
import { aMe } from '../testing/session';
import { ItemForm, ItemKind } from './item-form';

const CENTRAL = aFunction({
  id: 'fn-central',
  name: 'Pilotage',
  central: true,
  order: 0,
  owner: aPerson({ id: 'p-3', name: 'Thomas Guéguen' }),
  volets: [
    { code: 'strategique', name: 'Stratégique', description: '' },
    { code: 'metiers', name: 'Métiers', description: '' },
    { code: 'technique', name: 'Technique', description: '' },
  ],
});
const ETHIQUE = aFunction();

describe('ItemForm', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ItemForm>;
  let page: HTMLElement;
  let navigate: jest.SpyInstance;

  afterEach(() => http.verify());

  async function open(kind: ItemKind = 'action', fonction?: string, me: MeView = aMe()): Promise<void> {
    http = setUpPageTest(ItemForm, me);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(ItemForm);
    fixture.componentRef.setInput('roadmap', 'rm-1');
    fixture.componentRef.setInput('kind', kind);
    if (fonction) fixture.componentRef.setInput('fonction', fonction);
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/roadmaps/rm-1/chronogram').flush(
      aChronogram({
        functions: [ETHIQUE, CENTRAL],
        actions: [aChronogramAction(), aChronogramAction({ id: 'act-0', title: 'Constituer le vivier', functionId: 'fn-central' })],
      }),
    );
    http
      .expectOne('/api/persons')
      .flush([aPerson({ id: 'p-2', name: 'Soizic Le Bihan' }), aPerson(), aPerson({ id: 'p-3', name: 'Thomas Guéguen' })]);
    await fixture.whenStable();
  }

  const field = <T extends HTMLElement>(id: string): T => must(page.querySelector<T>(`#${id}`), id);
  const optionsOf = (id: string): string[] => Array.from(field<HTMLSelectElement>(id).options).map((o) => text(o));

  async function set(id: string, value: string): Promise<void> {
    const el = field<HTMLInputElement | HTMLSelectElement>(id);
    el.value = value;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    must(page.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('offers the functions, preset from the chronogram’s « + », and the function’s owner as the action’s', async () => {
    await open('action', 'fn-ethique');
    expect(text(page.querySelector('h1'))).toBe('Nouvelle action');
    expect(optionsOf('item-functionId')).toEqual(['Choisissez une fonction', 'Pilotage', 'Éthique']);
    expect(field<HTMLSelectElement>('item-functionId').value).toBe('fn-ethique');
    expect(field<HTMLSelectElement>('item-ownerId').value).toBe('p-2');
    expect(optionsOf('item-ownerId')).toEqual(['À désigner', 'Camille Le Goff', 'Soizic Le Bihan', 'Thomas Guéguen']);
    // the start is today (the roadmap's reference day)
    expect(field<HTMLInputElement>('item-start').value).toBe('2024-05-01');
    // no volet outside the central function
    expect(page.querySelector('#item-volet')).toBeNull();
  });

  it('shows the volet for the central function only, and its owner becomes the default', async () => {
    await open();
    await set('item-functionId', 'fn-central');
    expect(optionsOf('item-volet')).toEqual(['Aucun', 'Stratégique', 'Métiers', 'Technique']);
    expect(field<HTMLSelectElement>('item-ownerId').value).toBe('p-3');
  });

  it('says what is missing next to each field before sending anything, and puts the keyboard on the first', async () => {
    await open();
    await set('item-start', '');
    await submit();
    http.expectNone('/api/roadmaps/rm-1/actions');
    expect(text(field('item-functionId-error'))).toBe('Choisissez la fonction.');
    expect(text(field('item-title-error'))).toBe('Donnez un titre.');
    expect(text(field('item-start-error'))).toBe("La date de début n'est pas une date valide.");
    expect(text(field('item-due-error'))).toBe("L'échéance n'est pas une date valide.");
    expect(field('item-title').getAttribute('aria-describedby')).toContain('item-title-error');
    expect(document.activeElement).toBe(field('item-functionId'));
  });

  it('creates the action with its predecessors, then opens its page', async () => {
    await open('action', 'fn-central');
    await set('item-volet', 'metiers');
    await set('item-title', '  Former les agents  ');
    await set('item-description', 'Deux sessions.');
    await set('item-start', '2024-06-01');
    await set('item-due', '2024-07-15');
    await set('item-ownerId', '');
    // a predecessor picked by typing, then Enter
    const picker = field<HTMLInputElement>('item-predecessorIds');
    picker.dispatchEvent(new Event('focus'));
    picker.value = 'vivier';
    picker.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    picker.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
    await fixture.whenStable();
    expect(text(page.querySelector('[data-testid="chosen-predecessors"]'))).toBe('Constituer le vivier Retirer Constituer le vivier');
    await submit();

    const req = http.expectOne('/api/roadmaps/rm-1/actions');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      functionId: 'fn-central',
      title: 'Former les agents',
      description: 'Deux sessions.',
      start: '2024-06-01',
      due: '2024-07-15',
      ownerId: null,
      volet: 'metiers',
      predecessorIds: ['act-0'],
    });
    req.flush(anAction({ id: 'act-9' }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/r', 'brest-2026-2032', 'actions', 'act-9']);
  });

  it('removes a predecessor chosen', async () => {
    await open('action', 'fn-ethique');
    const picker = field<HTMLInputElement>('item-predecessorIds');
    picker.dispatchEvent(new Event('focus'));
    picker.value = 'vivier';
    picker.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    (must(page.querySelector('[role="option"]')) as HTMLElement).click();
    await fixture.whenStable();
    must(page.querySelector<HTMLButtonElement>('[data-testid="chosen-predecessors"] button')).click();
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="chosen-predecessors"]')).toBeNull();
  });

  it('shows the API’s refusal next to its field', async () => {
    await open('action', 'fn-ethique');
    await set('item-title', 'Former les agents');
    await set('item-due', '2024-07-15');
    await submit();
    http
      .expectOne('/api/roadmaps/rm-1/actions')
      .flush(...ruleBroken('start', 'Aucune phase de la feuille de route ne contient cette date de début.'));
    await fixture.whenStable();
    expect(text(field('item-start-error'))).toBe('Aucune phase de la feuille de route ne contient cette date de début.');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('creates a milestone on its date', async () => {
    await open('milestone', 'fn-ethique');
    expect(text(page.querySelector('h1'))).toBe('Nouveau jalon');
    expect(page.querySelector('#item-start')).toBeNull();
    expect(page.querySelector('#item-predecessorIds')).toBeNull();
    await set('item-title', 'Charte adoptée');
    await set('item-date', '2024-09-30');
    await submit();
    const req = http.expectOne('/api/roadmaps/rm-1/milestones');
    expect(req.request.body).toEqual({ functionId: 'fn-ethique', title: 'Charte adoptée', date: '2024-09-30', ownerId: 'p-2' });
    req.flush(aMilestone({ id: 'ms-9' }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/r', 'brest-2026-2032', 'jalons', 'ms-9']);
  });

  it('offers a function owner only the functions they own, even when another is asked for', async () => {
    await open('action', 'fn-central', aMe({ role: 'owner', functionIds: ['fn-ethique'] }));
    expect(optionsOf('item-functionId')).toEqual(['Choisissez une fonction', 'Éthique']);
    expect(field<HTMLSelectElement>('item-functionId').value).toBe('fn-ethique');
  });

  it('has no form for an elected official', async () => {
    await open('action', 'fn-ethique', aMe({ role: 'elected' }));
    expect(page.querySelector('form')).toBeNull();
    expect(text(page.querySelector('[data-testid="not-allowed"]'))).toContain('Vous ne pouvez créer d’action ni de jalon');
  });
});
