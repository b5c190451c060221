import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { text } from '../testing/dom';
import { providePageTesting } from '../testing/http';
import { ProgressCard } from './progress-card';
import { anSCurve, provideFakeSCurveCharts } from './testing/fake-charts';

const PHASES = [
  { id: 'ph-3', name: 'Émergence', order: 3 },
  { id: 'ph-1', name: 'Incubation pré-électorale', order: 1 },
];
const BASELINE = {
  id: 'bl-1',
  roadmapId: 'rm-1',
  number: 1,
  label: 'v1 — plan voté',
  decision: null,
  decisionId: null,
  createdAt: '2026-06-25T10:00:00Z',
  createdBy: null,
  actions: 10,
  milestones: 3,
  latest: true,
};

describe('ProgressCard', () => {
  let fixture: ComponentFixture<ProgressCard>;
  let http: HttpTestingController;
  let host: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [ProgressCard], providers: [...providePageTesting(), provideFakeSCurveCharts()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function open(inputs: Record<string, unknown>): Promise<void> {
    fixture = TestBed.createComponent(ProgressCard);
    fixture.componentRef.setInput('roadmapId', 'rm-1');
    for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
    host = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await fixture.whenStable();
  }

  function choose(id: string, value: string): void {
    const select = host.querySelector<HTMLSelectElement>(`#${id}`);
    if (!select) throw new Error(`no #${id}`);
    select.value = value;
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();
  }

  it('on the overview: the roadmap’s curve, narrowed to a phase, read against a baseline', async () => {
    await open({ phases: PHASES, withBaselines: true });
    http.expectOne('/api/roadmaps/rm-1/baselines').flush([BASELINE]);
    http.expectOne('/api/roadmaps/rm-1/s-curve?scope=roadmap').flush(anSCurve());
    await fixture.whenStable();
    expect(text(host.querySelector('h2'))).toBe('Avancement dans le temps');
    const options = Array.from(host.querySelectorAll('#courbe-perimetre option')).map((o) => text(o));
    expect(options).toEqual(['Toute la feuille de route', 'Phase 1 : Incubation pré-électorale', 'Phase 3 : Émergence']);
    expect(text(host.querySelector('label[for="courbe-perimetre"]'))).toBe('Périmètre');

    // the figures, opened, stay open for the next scope
    const details = host.querySelector('details');
    if (!details) throw new Error('no « Voir les données »');
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    choose('courbe-perimetre', 'ph-3');
    http.expectOne('/api/roadmaps/rm-1/s-curve?scope=phase&scopeId=ph-3').flush(anSCurve({ scope: 'phase', name: 'Émergence' }));
    choose('courbe-reference', 'bl-1');
    http.expectOne('/api/roadmaps/rm-1/s-curve?scope=phase&scopeId=ph-3&baseline=bl-1').flush(anSCurve({ name: 'Émergence' }));
    await fixture.whenStable();
    expect(host.querySelector('canvas')?.getAttribute('aria-label')).toContain('« Émergence »');
    expect(host.querySelector('details')?.open).toBe(true);
    expect(Array.from(host.querySelectorAll('#courbe-reference option')).map((o) => text(o))).toEqual([
      'le plan actuel',
      'la référence 1 — v1 — plan voté',
    ]);
  });

  it('on a function’s page: its curve, no choice to make', async () => {
    await open({ functionId: 'fn-ethique' });
    http.expectOne('/api/roadmaps/rm-1/s-curve?scope=function&scopeId=fn-ethique').flush(anSCurve({ scope: 'function', name: 'Éthique' }));
    await fixture.whenStable();
    expect(host.querySelector('select')).toBeNull();
    expect(host.querySelector('canvas')?.getAttribute('aria-label')).toContain('« Éthique »');
  });
});
