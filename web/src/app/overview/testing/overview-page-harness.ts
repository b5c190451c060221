import type {
  ActionView,
  DiagnosticView,
  FunctionWithRollUpView,
  MilestoneView,
  RecentChangeView,
  RoadmapDetailView,
} from '@jalons/contract';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { provideFrenchLocale } from '../../locale';
import { anSCurve, provideFakeSCurveCharts } from '../../progress/testing/fake-charts';
import { aFunction, aPerson, aRoadmap } from '../../testing/factories';
import { OverviewPage } from '../overview-page';

/** What the specs of the overview page share: the test bed, the page opened, its requests answered. */

/** Text as a reader sees it: whitespace (including fr-FR narrow no-break spaces) collapsed. */
export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function cells(row: Element): string[] {
  return Array.from(row.querySelectorAll('th, td')).map((c) => text(c));
}

// for the default roadmap, whose reference day is 01/05/2024
export const LATE_ACTIONS = '/api/roadmaps/rm-1/actions?status=a_lancer,en_cours,bloquee&dueBefore=2024-04-30';
export const OPEN_MILESTONES = '/api/roadmaps/rm-1/milestones?achieved=false&dueBefore=2024-07-30';
export const CHANGES = '/api/roadmaps/rm-1/changes?limit=10';

export const ETHIQUE = aFunction({
  id: 'fn-ethique',
  name: 'Éthique',
  owner: aPerson({ id: 'p-2', name: 'Soizic Le Bihan' }),
});
export const CENTRALE = aFunction({
  id: 'fn-centrale',
  name: 'Fonction centrale',
  family: 'centrale',
  central: true,
  order: 0,
  owner: aPerson({ name: 'Camille Le Goff' }),
});

/** What the sections below the roadmap are answered. */
export interface Sections {
  actions?: ActionView[];
  milestones?: MilestoneView[];
  changes?: RecentChangeView[];
}

/** The page in a test bed (create it in `beforeEach`). */
export class OverviewPageHarness {
  readonly http: HttpTestingController;
  fixture!: ComponentFixture<OverviewPage>;
  page!: HTMLElement;

  constructor() {
    TestBed.configureTestingModule({
      imports: [OverviewPage],
      // jsdom's IntersectionObserver never reports (test-setup.ts): the sections below the first screen are drawn by `renderDeferred`
      deferBlockBehavior: DeferBlockBehavior.Manual,
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideFrenchLocale(), provideFakeSCurveCharts()],
    });
    this.http = TestBed.inject(HttpTestingController);
  }

  open(roadmapId?: string): void {
    this.fixture = TestBed.createComponent(OverviewPage);
    if (roadmapId !== undefined) {
      this.fixture.componentRef.setInput('roadmap', roadmapId);
    }
    this.page = this.fixture.nativeElement as HTMLElement;
    this.fixture.detectChanges();
  }

  /** Draws the sections below the first screen (`@defer (on viewport)` in overview-page.html), as a reader scrolling down would. */
  async renderDeferred(): Promise<void> {
    for (const block of await this.fixture.getDeferBlocks()) {
      await block.render(DeferBlockState.Complete);
    }
    await this.fixture.whenStable();
  }

  /** Answers the roadmap, then the sections it asks for once it knows the reference day. */
  async answer(roadmap: RoadmapDetailView, functions: FunctionWithRollUpView[] = [], sections: Sections = {}): Promise<void> {
    this.http.expectOne(`/api/roadmaps/${roadmap.id}`).flush(roadmap);
    this.http.expectOne(`/api/roadmaps/${roadmap.id}/functions`).flush(functions);
    await this.fixture.whenStable();
    const base = `/api/roadmaps/${roadmap.id}`;
    this.http.expectOne((r) => r.url === `${base}/actions`).flush(sections.actions ?? []);
    this.http.expectOne((r) => r.url === `${base}/milestones`).flush(sections.milestones ?? []);
    this.http.expectOne((r) => r.url === `${base}/changes`).flush(sections.changes ?? []);
    await this.renderDeferred();
    this.answerPanels(roadmap.id);
    await this.fixture.whenStable();
  }

  /** The live figures of the diagnostic and the indicators (diagnostic/figures-panel.ts, indicators/indicators-summary.ts): none. */
  answerPanels(roadmapId: string): void {
    const diagnostic: DiagnosticView = {
      roadmapId,
      on: '2024-05-01',
      thresholds: { matureFrom: 3, ambitiousFrom: 3 },
      actors: [],
      figures: [],
      firstAssessmentOn: null,
      lastAssessmentOn: null,
    };
    this.http.expectOne(`/api/roadmaps/${roadmapId}/diagnostic`).flush(diagnostic);
    this.http.expectOne(`/api/roadmaps/${roadmapId}/indicators`).flush([]);
    // « Prochaine réunion » (governance/next-meeting.ts): none
    this.http.expectOne(`/api/roadmaps/${roadmapId}/meetings/next`).flush(null);
    // the S-curve card (progress/): no baseline frozen, the roadmap's curve
    this.http.expectOne(`/api/roadmaps/${roadmapId}/baselines`).flush([]);
    this.http.expectOne((r) => r.url === `/api/roadmaps/${roadmapId}/s-curve`).flush(anSCurve());
  }

  async openFirstRoadmap(
    roadmap: RoadmapDetailView = aRoadmap(),
    functions: FunctionWithRollUpView[] = [],
    sections: Sections = {},
  ): Promise<void> {
    this.open();
    this.http.expectOne('/api/roadmaps').flush([roadmap]);
    await this.answer(roadmap, functions, sections);
  }

  rowsOf(testid: string): string[][] {
    return Array.from(this.page.querySelectorAll(`[data-testid="${testid}"] tbody tr`)).map(cells);
  }

  linksOf(testid: string): (string | null)[] {
    return Array.from(this.page.querySelectorAll(`[data-testid="${testid}"] tbody a`)).map((a) => a.getAttribute('href'));
  }

  phaseRows(): Element[] {
    return Array.from(this.page.querySelectorAll('[data-testid="phases"] tbody tr'));
  }
}
