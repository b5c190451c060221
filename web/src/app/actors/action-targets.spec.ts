import type { TargetActorView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { must, text } from '../testing/dom';
import { aRoadmap, anAction } from '../testing/factories';
import { ruleBroken, setUpPageTest } from '../testing/http';
import { aMe } from '../testing/session';
import { ActionTargets } from './action-targets';
import { anActor, aTargetActor } from './testing/factories';

/** twelve directions, seven of them with a référent·e */
const DIRECTIONS: TargetActorView[] = Array.from({ length: 12 }, (_, i) =>
  aTargetActor({ id: `dir-${i + 1}`, name: `Direction ${String(i + 1).padStart(2, '0')}`, referent: i < 7 ? `Référent ${i + 1}` : null }),
);

describe('ActionTargets — « Acteurs visés » on an action’s page', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ActionTargets>;
  let section: HTMLElement;

  async function open(targets: TargetActorView[], me = aMe()): Promise<void> {
    http = setUpPageTest(ActionTargets, me);
    TestBed.inject(CurrentRoadmap).set(aRoadmap({ id: 'rm-1', slug: 'brest-2026-2032' }));
    fixture = TestBed.createComponent(ActionTargets);
    fixture.componentRef.setInput('action', anAction({ id: 'act-7', roadmapId: 'rm-1', functionId: 'fn-central' }));
    section = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/actions/act-7/actors').flush(targets);
    await fixture.whenStable();
  }
  afterEach(() => http.verify());

  const toggle = () => section.querySelector<HTMLButtonElement>('[data-testid="choose-targets"]');
  const boxes = () => Array.from(section.querySelectorAll<HTMLInputElement>('#acteurs-vises-choix input[type="checkbox"]'));
  const boxLabels = () => boxes().map((b) => text(section.querySelector(`label[for="${b.id}"]`)));

  it('counts the targeted actors with a référent·e named, and says which have none', async () => {
    await open(DIRECTIONS, aMe({ role: 'elected' }));
    expect(text(section.querySelector('[data-testid="referents-count"]'))).toBe('7 sur 12 ont un·e référent·e données');
    const items = Array.from(section.querySelectorAll('[data-testid="targets"] li'));
    expect(items).toHaveLength(12);
    expect(text(items[0])).toBe('Direction 01 (Direction) — référent·e : Référent 1');
    expect(text(items[11])).toBe('Direction 12 (Direction) — pas de référent·e');
    expect(must(items[0].querySelector('a')).getAttribute('href')).toBe('/r/brest-2026-2032/acteurs/dir-1');
    // read-only for whoever may not write the action
    expect(toggle()).toBeNull();
  });

  it('says « a » for one, and when the action targets nobody', async () => {
    await open([aTargetActor({ referent: 'Anne Le Roux' }), aTargetActor({ id: 'ac-2', name: 'SIG' })]);
    expect(text(section.querySelector('[data-testid="referents-count"]'))).toBe('1 sur 2 a un·e référent·e données');
    TestBed.resetTestingModule();
    await open([]);
    expect(text(section.querySelector('[data-testid="no-target"]'))).toBe('Cette action ne vise aucun acteur du diagnostic.');
    expect(section.querySelector('[data-testid="referents-count"]')).toBeNull();
  });

  it('lets the action’s writers choose the actors, filtered by kind, and saves the whole list', async () => {
    await open([aTargetActor({ id: 'ac-1', name: 'DSIT' })], aMe({ role: 'owner', functionIds: ['fn-central'] }));
    http.expectNone('/api/roadmaps/rm-1/actors'); // asked for once the picker opens
    must(toggle()).click();
    await fixture.whenStable();
    expect(must(toggle()).getAttribute('aria-expanded')).toBe('true');
    http
      .expectOne('/api/roadmaps/rm-1/actors')
      .flush([
        anActor({ id: 'ac-1', name: 'DSIT', kind: 'direction' }),
        anActor({ id: 'ac-2', name: 'Direction des sports', kind: 'direction' }),
        anActor({ id: 'ac-3', name: 'Brest’aim', kind: 'operateur' }),
        anActor({ id: 'ac-4', name: 'Etalab', kind: 'expert' }),
      ]);
    await fixture.whenStable();
    expect(boxLabels()).toEqual([
      'DSIT (Direction)',
      'Direction des sports (Direction)',
      'Brest’aim (Opérateur SEM/SPL)',
      'Etalab (Expert·e)',
    ]);
    expect(boxes().map((b) => b.checked)).toEqual([true, false, false, false]);

    const kind = must(section.querySelector<HTMLSelectElement>('#acteurs-vises-type'));
    kind.value = 'direction';
    kind.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(boxLabels()).toEqual(['DSIT (Direction)', 'Direction des sports (Direction)']);
    must(Array.from(section.querySelectorAll('button')).find((b) => text(b) === 'Cocher tous ceux affichés')).click();
    await fixture.whenStable();
    expect(text(section.querySelector('legend'))).toBe('Acteurs du diagnostic (2 cochés)');

    must(section.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    const put = http.expectOne({ method: 'PUT', url: '/api/actions/act-7/actors' });
    expect(put.request.body).toEqual({ actorIds: ['ac-1', 'ac-2'] });
    put.flush(...ruleBroken('actorIds', 'Ces acteurs ne sont pas de la feuille de route de l’action.'));
    await fixture.whenStable();
    const error = must(section.querySelector('#acteurs-vises-erreur'));
    expect(text(error)).toBe('Ces acteurs ne sont pas de la feuille de route de l’action.');
    expect(must(section.querySelector('fieldset')).getAttribute('aria-describedby')).toBe('acteurs-vises-erreur');

    must(section.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    const saved = [
      aTargetActor({ id: 'ac-1', name: 'DSIT' }),
      aTargetActor({ id: 'ac-2', name: 'Direction des sports', referent: 'Yann' }),
    ];
    http.expectOne({ method: 'PUT', url: '/api/actions/act-7/actors' }).flush(saved);
    await fixture.whenStable();
    http.expectOne('/api/actions/act-7/actors').flush(saved);
    await fixture.whenStable();
    expect(must(toggle()).getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle());
    expect(text(section.querySelector('[data-testid="referents-count"]'))).toBe('1 sur 2 a un·e référent·e données');
    expect(text(section)).toContain('Acteurs visés enregistrés.');
  });

  it('offers no picker to the owner of another function', async () => {
    await open(DIRECTIONS, aMe({ role: 'owner', functionIds: ['fn-autre'] }));
    expect(toggle()).toBeNull();
  });
});
