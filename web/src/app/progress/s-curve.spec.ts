import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { I18n, french } from '../i18n/i18n';
import { text } from '../testing/dom';
import { providePageTesting, refusal } from '../testing/http';
import { SCurve, chartData, curveSummary, latestPoint } from './s-curve';
import { FakeSCurveCharts, anSCurve, provideFakeSCurveCharts } from './testing/fake-charts';

describe('the S-curve’s words', () => {
  it('tells the latest achieved point: today’s, not a month to come', () => {
    expect(latestPoint(anSCurve().points)?.date).toBe('2026-11-29');
    expect(curveSummary(anSCurve(), french)).toBe(
      'Courbe en S de « Ville et Métropole de Brest », au 29/11/2026 : réalisé 34\u202f%, prévu 41\u202f%',
    );
  });

  it('says when nothing is achieved yet', () => {
    const before = anSCurve({ points: [{ date: '2026-09-30', expected: 0, achieved: null }] });
    expect(latestPoint(before.points)).toBeNull();
    expect(curveSummary(before, french)).toBe('Courbe en S de « Ville et Métropole de Brest » : rien n’est encore réalisé à ce jour.');
  });

  it('labels the months by month and today by its day, and marks today', () => {
    const data = chartData(anSCurve(), french);
    expect(data.labels).toEqual(['09/2026', '10/2026', '29/11/2026', '11/2026', '12/2026', '01/2027']);
    expect(data.todayIndex).toBe(2);
    expect(data.achieved).toEqual([8.5, 20, 34, null, null, null]);
    expect(data.texts).toEqual({ expected: 'Prévu', achieved: 'Réalisé', today: 'aujourd’hui' });
  });
});

describe('SCurve', () => {
  let fixture: ComponentFixture<SCurve>;
  let http: HttpTestingController;
  let charts: FakeSCurveCharts;
  let host: HTMLElement;

  beforeEach(() => {
    charts = new FakeSCurveCharts();
    TestBed.configureTestingModule({ imports: [SCurve], providers: [...providePageTesting(), provideFakeSCurveCharts(charts)] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function open(inputs: Record<string, unknown> = {}): Promise<void> {
    fixture = TestBed.createComponent(SCurve);
    fixture.componentRef.setInput('roadmapId', 'rm-1');
    for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
    host = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await fixture.whenStable();
  }

  it('draws the two lines on a canvas named by its latest point, with the points in a table', async () => {
    await open();
    expect(text(host.querySelector('[role="status"]'))).toBe('Chargement de la courbe…');
    http.expectOne('/api/roadmaps/rm-1/s-curve?scope=roadmap').flush(anSCurve());
    await fixture.whenStable();

    const canvas = host.querySelector('canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toContain('au 29/11/2026 : réalisé 34\u202f%, prévu 41\u202f%');
    expect(charts.drawn).toHaveLength(1);
    expect(charts.drawn[0].expected).toEqual([10, 25, 41, 42.5, 70, 100]);

    expect(text(host.querySelector('details summary'))).toBe('Voir les données');
    const table = host.querySelector('[data-testid="s-curve-data"]');
    expect(text(table?.querySelector('caption'))).toContain('Avancement prévu et réalisé de « Ville et Métropole de Brest »');
    const rows = Array.from(table?.querySelectorAll('tbody tr') ?? []).map((r) => Array.from(r.children).map((c) => text(c)));
    // (text() reads the narrow no-break space before « % » as a space)
    expect(rows[0]).toEqual(['30/09/2026', '10 %', '8,5 %']);
    expect(rows[2]).toEqual(['29/11/2026 aujourd’hui', '41 %', '34 %']);
    // months to come: expected only
    expect(rows[4]).toEqual(['31/12/2026', '70 %', '—']);
    // the table scrolls in its own named region (a phone)
    expect(table?.closest('[role="region"]')?.getAttribute('aria-label')).toBe('Données de la courbe en S');
  });

  it('asks for a phase against a baseline, and redraws for another scope (the old chart destroyed)', async () => {
    await open({ scope: 'phase', scopeId: 'ph-3', baseline: 'bl-1' });
    http.expectOne('/api/roadmaps/rm-1/s-curve?scope=phase&scopeId=ph-3&baseline=bl-1').flush(anSCurve({ name: 'Émergence' }));
    await fixture.whenStable();
    expect(host.querySelector('canvas')?.getAttribute('aria-label')).toContain('« Émergence »');

    fixture.componentRef.setInput('scopeId', 'ph-4');
    fixture.detectChanges();
    http.expectOne('/api/roadmaps/rm-1/s-curve?scope=phase&scopeId=ph-4&baseline=bl-1').flush(anSCurve({ name: 'Maturation' }));
    await fixture.whenStable();
    expect(host.querySelector('canvas')?.getAttribute('aria-label')).toContain('« Maturation »');
    expect(charts.drawn).toHaveLength(2);
    expect(charts.destroyed).toBe(1);
    fixture.destroy();
    expect(charts.destroyed).toBe(2);
  });

  it('keeps the table when the chart library cannot load', async () => {
    charts.fail = true;
    await open();
    http.expectOne('/api/roadmaps/rm-1/s-curve?scope=roadmap').flush(anSCurve());
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(host)).toContain('Le graphique n’a pas pu être dessiné : les données sont dans le tableau ci-dessous.');
    expect(host.querySelectorAll('[data-testid="s-curve-data"] tbody tr')).toHaveLength(6);
  });

  it('says why the curve is missing', async () => {
    await open();
    http.expectOne('/api/roadmaps/rm-1/s-curve?scope=roadmap').flush(...refusal(404, 'not_found', 'Cette feuille de route n’existe pas.'));
    await fixture.whenStable();
    expect(text(host.querySelector('[role="alert"]'))).toBe('Impossible de charger la courbe : Cette feuille de route n’existe pas.');
  });

  it('speaks English when asked (en-GB numbers)', async () => {
    await TestBed.inject(I18n).use('en');
    await open();
    http.expectOne('/api/roadmaps/rm-1/s-curve?scope=roadmap').flush(anSCurve());
    await fixture.whenStable();
    expect(host.querySelector('canvas')?.getAttribute('aria-label')).toBe(
      'S-curve of “Ville et Métropole de Brest”, at 29/11/2026: achieved 34%, expected 41%',
    );
    expect(charts.drawn[0].texts).toEqual({ expected: 'Expected', achieved: 'Done', today: 'today' });
  });
});
