import type { FunctionWithRollUpView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { aFunction, aPerson } from '../testing/factories';
import { must, text } from '../testing/dom';
import { refusal, ruleBroken, setUpPageTest } from '../testing/http';
import { FunctionEdit } from './function-edit';

describe('FunctionEdit', () => {
  let fixture: ComponentFixture<FunctionEdit>;
  let http: HttpTestingController;
  let page: HTMLElement;
  let saved: FunctionWithRollUpView[];

  beforeEach(() => (http = setUpPageTest(FunctionEdit)));
  afterEach(() => http.verify());

  async function open(fn: FunctionWithRollUpView = aFunction({ version: 4 })): Promise<void> {
    fixture = TestBed.createComponent(FunctionEdit);
    fixture.componentRef.setInput('roadmapId', 'rm-1');
    fixture.componentRef.setInput('fn', fn);
    saved = [];
    fixture.componentInstance.changed.subscribe((f) => saved.push(f));
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await fixture.whenStable();
    http.expectNone('/api/persons'); // nothing asked until the form is opened
    const toggle = must(page.querySelector<HTMLButtonElement>('[aria-controls="fonction-edition"]'));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    http.expectOne('/api/persons').flush([aPerson({ id: 'p-2', name: 'Soizic Le Bihan' }), aPerson({ id: 'p-3', name: 'Thomas Guéguen' })]);
    await fixture.whenStable();
  }

  const byId = <T extends HTMLElement>(id: string) => must(page.querySelector<T>(`[id="${id}"]`), id);
  async function set(id: string, value: string, event = 'input'): Promise<void> {
    const el = byId<HTMLInputElement>(id);
    el.value = value;
    el.dispatchEvent(new Event(event));
    await fixture.whenStable();
  }
  async function submit(): Promise<void> {
    must(page.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('sends only what changed, with the version read, and hands the saved function on', async () => {
    await open();
    await set('fonction-color', '#00AAFF');
    await set('fonction-ownerId', 'p-3', 'change');
    await submit();
    const req = http.expectOne({ method: 'PATCH', url: '/api/roadmaps/rm-1/functions/fn-ethique' });
    expect(req.request.body).toEqual({ version: 4, color: '#00aaff', ownerId: 'p-3' });
    req.flush(aFunction({ version: 5, color: '#00aaff' }));
    await fixture.whenStable();
    expect(saved.map((f) => f.color)).toEqual(['#00aaff']);
    expect(text(page)).toContain('Fonction enregistrée.');
  });

  it('refuses a colour that is not #rrggbb before sending, and shows the API’s refusal on the référent·e', async () => {
    await open();
    await set('fonction-color', 'rouge');
    await submit();
    http.expectNone({ method: 'PATCH' });
    expect(byId('fonction-color').getAttribute('aria-invalid')).toBe('true');

    await set('fonction-color', '#6a3d9a');
    await set('fonction-ownerId', '', 'change');
    await submit();
    http.expectOne({ method: 'PATCH' }).flush(...ruleBroken('ownerId', 'Ce compte est désactivé : choisissez une personne active.'));
    await fixture.whenStable();
    expect(byId('fonction-ownerId').getAttribute('aria-invalid')).toBe('true');
    expect(text(page)).toContain('Ce compte est désactivé');
  });

  it('says to reload on a stale version', async () => {
    await open();
    await set('fonction-description', 'Nouvelle description');
    await submit();
    http.expectOne({ method: 'PATCH' }).flush(...refusal(409, 'version_conflict', 'Cet élément a changé.', { currentVersion: 5 }));
    await fixture.whenStable();
    expect(text(page.querySelector('[role="alert"]'))).toContain('rechargez la page');
  });

  it('edits the volets of the central function only', async () => {
    await open();
    expect(page.querySelector('fieldset')).toBeNull();
    fixture.destroy();
    http.verify();
    await open(
      aFunction({
        central: true,
        version: 2,
        volets: [
          { code: 'strategique', name: 'Stratégique', description: 'a' },
          { code: 'technique', name: 'Technique', description: 'b' },
        ],
      }),
    );
    await set('fonction-volet-technique-description', 'Le socle technique');
    await submit();
    expect(http.expectOne({ method: 'PATCH' }).request.body).toEqual({
      version: 2,
      volets: [{ code: 'technique', name: 'Technique', description: 'Le socle technique' }],
    });
  });
});
