import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { aDecision } from '../governance/testing/governance-factories';
import { text } from '../testing/dom';
import { refusal, setUpPageTest } from '../testing/http';
import { ItemDecisions } from './item-decisions';

describe('ItemDecisions — « Décisions » on an item’s page', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ItemDecisions>;
  let section: HTMLElement;

  function create(version = 2): void {
    http = setUpPageTest(ItemDecisions);
    fixture = TestBed.createComponent(ItemDecisions);
    fixture.componentRef.setInput('roadmapId', 'rm-1');
    fixture.componentRef.setInput('slug', 'brest-2026-2032');
    fixture.componentRef.setInput('itemType', 'action');
    fixture.componentRef.setInput('item', { id: 'act-1', version });
    section = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  }
  afterEach(() => http.verify());

  it('lists the decisions that concern the item, with their date, kind, text and meeting (linked)', async () => {
    create();
    http
      .expectOne('/api/roadmaps/rm-1/decisions?itemId=act-1')
      .flush([
        aDecision({ id: 'dec-2', date: '2026-09-10', kind: 'replanification', text: 'La charte est reportée à décembre.' }),
        aDecision({ meetingId: null, meeting: null }),
      ]);
    await fixture.whenStable();
    const items = Array.from(section.querySelectorAll('[data-testid="item-decision-list"] > li'));
    expect(items.map((li) => li.getAttribute('data-decision'))).toEqual(['dec-2', 'dec-1']);
    expect(text(items[0])).toContain('10/09/2026');
    expect(text(items[0])).toContain('Replanification');
    expect(text(items[0])).toContain('La charte est reportée à décembre.');
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe('/r/brest-2026-2032/reunions/mt-1');
    expect(text(items[0].querySelector('a'))).toBe('Comité de pilotage du 25/06/2026');
    expect(items[1].querySelector('a')).toBeNull();
  });

  it('says when none concerns it, and asks again once the item changed (a re-plan citing a decision)', async () => {
    create();
    http.expectOne('/api/roadmaps/rm-1/decisions?itemId=act-1').flush([]);
    await fixture.whenStable();
    expect(text(section.querySelector('[data-testid="no-decisions"]'))).toBe('Aucune décision ne concerne cet élément pour l’instant.');
    fixture.componentRef.setInput('item', { id: 'act-1', version: 3 });
    fixture.detectChanges();
    http.expectOne('/api/roadmaps/rm-1/decisions?itemId=act-1').flush([aDecision()]);
    await fixture.whenStable();
    expect(section.querySelectorAll('[data-decision]').length).toBe(1);
  });

  it('says why the list could not be loaded', async () => {
    create();
    http.expectOne('/api/roadmaps/rm-1/decisions?itemId=act-1').flush(...refusal(500, 'error', 'Erreur du serveur.'));
    await fixture.whenStable();
    expect(text(section.querySelector('[role="alert"]'))).toBe('Impossible de charger les décisions : Erreur du serveur.');
  });
});
