import type { ActionView, BaselineView, HistoryEntryView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { must, text } from '../../testing/dom';
import { aChronogram, aChronogramAction, aPerson, anAction } from '../../testing/factories';
import { setUpPageTest } from '../../testing/http';
import { ActionPage } from '../action-page';

/** What the specs of the action page share: the test bed, the page opened, its requests answered. */

export { text };

export const PERSONS = [aPerson(), aPerson({ id: 'p-2', name: 'Soizic Le Bihan' })];

/** The page in a test bed, for the project lead (create it in `beforeEach`). */
export class ActionPageHarness {
  readonly http: HttpTestingController;
  /** the roadmap's baselines, as GET /api/roadmaps/rm-1/baselines answers */
  baselines: BaselineView[] = [];
  fixture!: ComponentFixture<ActionPage>;
  page!: HTMLElement;

  constructor() {
    // the project lead: every change is offered
    this.http = setUpPageTest(ActionPage);
  }

  async answer(action: ActionView, history: HistoryEntryView[] = []): Promise<void> {
    this.http.expectOne(`/api/actions/${action.id}`).flush(action);
    await this.fixture.whenStable();
    this.http.expectOne(`/api/actions/${action.id}/history`).flush(history);
    this.http.expectOne('/api/roadmaps/rm-1/chronogram').flush(
      aChronogram({
        actions: [aChronogramAction(), aChronogramAction({ id: 'act-0', title: 'Constituer le vivier' })],
      }),
    );
    await this.fixture.whenStable();
    // the « Modifier la fiche » form's persons, asked once it is shown
    for (const req of this.http.match('/api/persons')) req.flush(PERSONS);
    // « Acteurs visés » (actors/action-targets.ts): none
    for (const req of this.http.match(`/api/actions/${action.id}/actors`)) req.flush([]);
    // « Preuves et documents » (items/item-evidence.ts): none
    for (const req of this.http.match(`/api/actions/${action.id}/evidence`)) req.flush([]);
    // the « Replanifier » form asks whether the roadmap has baselines (ADR 0017): by default none
    for (const req of this.http.match('/api/roadmaps/rm-1/baselines')) req.flush(this.baselines);
    // « Décisions » (items/item-decisions.ts): none
    for (const req of this.http.match((r) => r.url.endsWith('/decisions') && r.params.get('itemId') === action.id)) req.flush([]);
    await this.fixture.whenStable();
  }

  /** Creates the page for this id (without answering anything). */
  create(id: string): void {
    this.fixture = TestBed.createComponent(ActionPage);
    this.fixture.componentRef.setInput('id', id);
    this.page = this.fixture.nativeElement as HTMLElement;
    this.fixture.detectChanges();
  }

  async open(action: ActionView = anAction(), history: HistoryEntryView[] = []): Promise<void> {
    this.create(action.id);
    await this.answer(action, history);
  }

  facts(): Record<string, string> {
    const dts = Array.from(this.page.querySelectorAll('[data-testid="facts"] dt'));
    return Object.fromEntries(dts.map((dt) => [text(dt), text(dt.nextElementSibling)]));
  }

  field<T extends HTMLElement>(id: string): T {
    return must(this.page.querySelector<T>(`#${id}`), id);
  }
}
