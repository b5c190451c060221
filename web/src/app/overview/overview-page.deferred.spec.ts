import { ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';

import { aRoadmap } from '../testing/factories';
import { OverviewPage } from './overview-page';
import { CENTRALE, CHANGES, LATE_ACTIONS, OPEN_MILESTONES, OverviewPageHarness, text } from './testing/overview-page-harness';

// What a phone draws first, and what waits until the reader scrolls to it (`@defer (on viewport)`,
// docs/adr/0036-overview-deferred-sections.md): the deferral must not silently disappear.
describe('OverviewPage, below the first screen', () => {
  let harness: OverviewPageHarness;
  let fixture: ComponentFixture<OverviewPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    harness = new OverviewPageHarness();
    http = harness.http;
  });

  afterEach(() => http.verify());

  function open(roadmapId?: string): void {
    harness.open(roadmapId);
    ({ fixture, page } = harness);
  }

  const rowsOf = (testid: string): string[][] => harness.rowsOf(testid);

  it('draws the head, the headline, the timeline and the roll-up at once, and the sections below only when scrolled to', async () => {
    const roadmap = aRoadmap();
    open('rm-1');
    http.expectOne('/api/roadmaps/rm-1').flush(roadmap);
    await fixture.whenStable();
    // the roadmap is enough for the first screen: its functions are still on their way
    expect(text(page.querySelector('h1'))).toBe('Mandat 2026–2032');
    expect(page.querySelector('[data-testid="headline"]')).not.toBeNull();
    expect(page.querySelector('jl-mandate-timeline')).not.toBeNull();
    expect(text(page.querySelector('[aria-labelledby="titre-avancement"]'))).toContain('48,2 % réalisé');
    http.expectOne('/api/roadmaps/rm-1/functions').flush([CENTRALE]);
    await fixture.whenStable();
    // below the first screen: empty boxes hidden from screen readers, and nothing of the sections
    const boxes = Array.from(page.querySelectorAll('[data-deferred]'));
    expect(boxes).toHaveLength(9);
    expect(boxes.every((box) => box.getAttribute('aria-hidden') === 'true' && text(box) === '')).toBe(true);
    for (const section of [
      's-curve-section',
      'late-section',
      'upcoming-section',
      'figures-panel',
      'indicators-summary',
      'phases',
      'functions',
      'changes-section',
    ]) {
      expect(page.querySelector(`[data-testid="${section}"]`)).toBeNull();
    }
    expect(page.querySelector('jl-next-meeting')).toBeNull();
    // the panels ask for their figures only once drawn
    http.expectOne(LATE_ACTIONS).flush([]);
    http.expectOne(OPEN_MILESTONES).flush([]);
    http.expectOne(CHANGES).flush([]);
    http.expectNone('/api/roadmaps/rm-1/diagnostic');
    http.expectNone('/api/roadmaps/rm-1/indicators');
    http.expectNone((r) => r.url === '/api/roadmaps/rm-1/s-curve');

    await harness.renderDeferred();
    harness.answerPanels('rm-1');
    await fixture.whenStable();
    expect(page.querySelector('[data-deferred]')).toBeNull();
    expect(rowsOf('phases')).toHaveLength(4);
    expect(rowsOf('functions')).toHaveLength(1);
  });
});
