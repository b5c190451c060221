import type { MeView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { must, text } from '../testing/dom';
import { refusal, ruleBroken, setUpPageTest } from '../testing/http';
import { aFunction, aMilestone, aPerson, anAction } from '../testing/factories';
import { aMe } from '../testing/session';
import { EditTarget, ItemEditForm } from './item-edit-form';

const CENTRAL = aFunction({
  id: 'fn-central',
  name: 'Pilotage',
  central: true,
  order: 0,
  volets: [
    { code: 'strategique', name: 'Stratégique', description: '' },
    { code: 'metiers', name: 'Métiers', description: '' },
  ],
});
const FUNCTIONS = [aFunction(), CENTRAL, aFunction({ id: 'fn-rh', name: 'Ressources humaines', order: 3 })];

const ACTION: EditTarget = {
  kind: 'action',
  id: 'act-1',
  version: 3,
  functionId: 'fn-ethique',
  title: 'Installer le comité d’éthique',
  description: 'Avec deux élus.',
  volet: null,
  ownerId: 'p-2',
  ownerName: 'Soizic Le Bihan',
};

describe('ItemEditForm', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ItemEditForm>;
  let page: HTMLElement;
  let changed: number;

  afterEach(() => http.verify());

  async function open(target: EditTarget = ACTION, me: MeView = aMe()): Promise<void> {
    http = setUpPageTest(ItemEditForm, me);
    fixture = TestBed.createComponent(ItemEditForm);
    fixture.componentRef.setInput('target', target);
    fixture.componentRef.setInput('functions', FUNCTIONS);
    changed = 0;
    fixture.componentInstance.changed.subscribe(() => changed++);
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/persons').flush([aPerson(), aPerson({ id: 'p-2', name: 'Soizic Le Bihan' })]);
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

  it('shows the item’s fields, set to its values', async () => {
    await open();
    expect(field<HTMLInputElement>('edit-title').value).toBe('Installer le comité d’éthique');
    expect(field<HTMLTextAreaElement>('edit-description').value).toBe('Avec deux élus.');
    expect(field<HTMLSelectElement>('edit-functionId').value).toBe('fn-ethique');
    expect(optionsOf('edit-functionId')).toEqual(['Pilotage', 'Éthique', 'Ressources humaines']);
    expect(field<HTMLSelectElement>('edit-ownerId').value).toBe('p-2');
    expect(page.querySelector('#edit-volet')).toBeNull();
  });

  it('sends only what changed, with the version read, then asks the page to reload', async () => {
    await open();
    await set('edit-title', 'Installer le comité');
    await set('edit-functionId', 'fn-central');
    await set('edit-volet', 'metiers');
    await set('edit-ownerId', '');
    await submit();
    const req = http.expectOne('/api/actions/act-1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({
      version: 3,
      title: 'Installer le comité',
      functionId: 'fn-central',
      volet: 'metiers',
      ownerId: null,
    });
    req.flush(anAction({ version: 4 }));
    await fixture.whenStable();
    expect(changed).toBe(1);
    expect(text(page.querySelector('[role="status"]'))).toBe('Fiche enregistrée.');
  });

  it('keeps offering an owner whose account is no longer active', async () => {
    await open({ ...ACTION, ownerId: 'p-9', ownerName: 'Anne Ancienne' });
    expect(optionsOf('edit-ownerId')).toEqual(['À désigner', 'Anne Ancienne', 'Camille Le Goff', 'Soizic Le Bihan']);
    expect(field<HTMLSelectElement>('edit-ownerId').value).toBe('p-9');
  });

  it('sends nothing when nothing changed, and says so', async () => {
    await open();
    await submit();
    http.expectNone('/api/actions/act-1');
    expect(text(page.querySelector('[role="status"]'))).toBe('Rien à enregistrer : la fiche n’a pas changé.');
  });

  it('refuses an empty title before sending, next to the field', async () => {
    await open();
    await set('edit-title', '   ');
    await submit();
    http.expectNone('/api/actions/act-1');
    expect(text(field('edit-title-error'))).toBe('Donnez un titre.');
    expect(document.activeElement).toBe(field('edit-title'));
  });

  it('shows the API’s refusal next to its field', async () => {
    await open();
    await set('edit-ownerId', 'p-1');
    await submit();
    http.expectOne('/api/actions/act-1').flush(...ruleBroken('ownerId', 'Ce compte est désactivé : choisissez une personne active.'));
    await fixture.whenStable();
    expect(text(field('edit-ownerId-error'))).toBe('Ce compte est désactivé : choisissez une personne active.');
    expect(changed).toBe(0);
  });

  it('says when someone else changed the item first, and reloads it on demand', async () => {
    await open();
    await set('edit-title', 'Installer le comité');
    await submit();
    http.expectOne('/api/actions/act-1').flush(...refusal(409, 'version_conflict', 'Version périmée.', { currentVersion: 4 }));
    await fixture.whenStable();
    const alert = must(page.querySelector('[role="alert"]'));
    expect(text(alert)).toContain('modifié entre-temps par quelqu’un d’autre');
    must(alert.querySelector('button')).click();
    expect(changed).toBe(1);
  });

  it('offers a function owner only the functions they own, and the item’s own', async () => {
    await open(ACTION, aMe({ role: 'owner', functionIds: ['fn-ethique', 'fn-rh'] }));
    expect(optionsOf('edit-functionId')).toEqual(['Éthique', 'Ressources humaines']);
  });

  it('edits a milestone’s owner, never a volet', async () => {
    const m = aMilestone();
    await open({
      kind: 'milestone',
      id: m.id,
      version: m.version,
      functionId: 'fn-central',
      title: m.title,
      description: '',
      volet: null,
      ownerId: null,
    });
    expect(page.querySelector('#edit-volet')).toBeNull();
    await set('edit-ownerId', 'p-2');
    await submit();
    const req = http.expectOne(`/api/milestones/${m.id}`);
    expect(req.request.body).toEqual({ version: m.version, ownerId: 'p-2' });
    req.flush(m);
  });
});
