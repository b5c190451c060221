import { INDICATOR_DIRECTION_LABELS, INDICATOR_HEALTH_LABELS } from '@jalons/domain';
import { TestBed } from '@angular/core/testing';

import { provideFrenchLocale } from '../locale';
import { must } from '../testing/dom';
import { INDICATOR_DIRECTION_TEXT, INDICATOR_HEALTH_TEXT } from './indicator-labels';
import { aMeasurement, anIndicator } from './testing/indicator-factories';
import { CHART_WIDTH, COMPACT_FRAME, TrendChart, trendGeometry } from './trend-chart';

const measured = anIndicator({
  measurements: [
    aMeasurement({ id: 'm-1', on: '2024-03-01', value: 14 }),
    aMeasurement({ id: 'm-2', on: '2024-07-01', value: 22.5, comment: 'Après l’atelier' }),
  ],
});

/** what a screen reader hears of `measured` on 01/09/2024 */
const NAMED =
  'Tendance de « Jeux de données ouverts » : dernière mesure 22,5\u00a0jeux le 01/07/2024 ; cible 50\u00a0jeux au 31/12/2025 ; attendu aujourd’hui : 16,6\u00a0jeux.';

describe('the indicators’ labels', () => {
  it('say what the domain’s tables say (the API’s messages and the web app agree)', () => {
    expect(INDICATOR_HEALTH_TEXT).toEqual(INDICATOR_HEALTH_LABELS);
    expect(INDICATOR_DIRECTION_TEXT).toEqual(INDICATOR_DIRECTION_LABELS);
  });
});

describe('trendGeometry', () => {
  it('runs from the baseline’s day to the target’s, the plan from baseline to target, higher values higher up', () => {
    const g = trendGeometry(measured, '2024-09-01');
    expect([g.from, g.to]).toEqual(['2024-01-01', '2025-12-31']);
    expect(g.baseline.x).toBeLessThan(g.target.x);
    expect(g.target.x).toBeCloseTo(CHART_WIDTH - 8, 0);
    expect(g.target.y).toBeLessThan(g.baseline.y); // 50 above 10
    expect(g.points.map((p) => p.id)).toEqual(['m-1', 'm-2']);
    expect(g.points[1].x).toBeGreaterThan(g.points[0].x);
    expect(g.points[1].y).toBeLessThan(g.points[0].y);
    expect(g.line).toBe(`${g.points[0].x},${g.points[0].y} ${g.points[1].x},${g.points[1].y}`);
    // today between the last measurement and the target
    expect(g.today).toBeGreaterThan(g.points[1].x);
    expect(g.today).toBeLessThan(g.target.x);
    expect(g.ticks.map((t) => t.value)).toEqual([50, 10]);
  });

  it('stretches to today once the target’s day is past, and draws no line under two measurements', () => {
    const late = anIndicator({ target: { on: '2024-06-30', value: 50 }, measurements: [aMeasurement()] });
    const g = trendGeometry(late, '2024-12-31');
    expect(g.to).toBe('2024-12-31');
    expect(g.today).toBeCloseTo(CHART_WIDTH - 8, 0);
    expect(g.target.x).toBeLessThan(g.today ?? 0);
    expect(g.line).toBeNull();
  });

  it('lays the same trend out in the compact frame (120 × 36): every mark inside it, the plan from baseline to target', () => {
    const g = trendGeometry(measured, '2024-09-01', COMPACT_FRAME);
    const full = trendGeometry(measured, '2024-09-01');
    const marks = [g.baseline, g.target, ...g.points];
    for (const mark of marks) {
      expect(mark.x).toBeGreaterThanOrEqual(4);
      expect(mark.x).toBeLessThanOrEqual(116);
      expect(mark.y).toBeGreaterThanOrEqual(4);
      expect(mark.y).toBeLessThanOrEqual(32);
    }
    expect(g.baseline.x).toBe(4);
    expect(g.target.x).toBe(116);
    expect(g.target.y).toBeLessThan(g.baseline.y);
    expect(g.points[1].y).toBeLessThan(g.points[0].y);
    expect(g.line).toBe(`${g.points[0].x},${g.points[0].y} ${g.points[1].x},${g.points[1].y}`);
    // the same days and values as the full chart, only smaller
    expect([g.from, g.to]).toEqual([full.from, full.to]);
    expect(g.ticks.map((t) => t.value)).toEqual(full.ticks.map((t) => t.value));
  });

  it('keeps a going-down indicator’s target below its baseline', () => {
    const down = anIndicator({ direction: 'down', baseline: { on: '2024-01-01', value: 120 }, target: { on: '2025-01-01', value: 30 } });
    const g = trendGeometry(down, '2024-06-01');
    expect(g.target.y).toBeGreaterThan(g.baseline.y);
  });
});

describe('TrendChart', () => {
  function draw(ind = measured, today = '2024-09-01', compact = false): SVGElement {
    TestBed.configureTestingModule({ imports: [TrendChart], providers: [provideFrenchLocale()] });
    const fixture = TestBed.createComponent(TrendChart);
    fixture.componentRef.setInput('indicator', ind);
    fixture.componentRef.setInput('today', today);
    if (compact) fixture.componentRef.setInput('compact', true);
    fixture.detectChanges();
    return must((fixture.nativeElement as HTMLElement).querySelector<SVGElement>('svg'));
  }

  it('is one image named by the latest measurement, the target and what is expected today', () => {
    const svg = draw();
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(NAMED);
  });

  it('draws the measurements as points on a line, the plan dashed, today marked', () => {
    const svg = draw();
    expect(svg.querySelectorAll('[data-testid="trend-point"]')).toHaveLength(2);
    expect(svg.querySelector('[data-testid="trend-line"]')).not.toBeNull();
    expect(svg.querySelector('[data-testid="trend-plan"]')?.getAttribute('class')).toContain('trend__plan');
    expect(svg.querySelector('[data-testid="trend-today"]')).not.toBeNull();
  });

  it('says when nothing has been measured yet', () => {
    const svg = draw(anIndicator());
    expect(svg.querySelectorAll('[data-testid="trend-point"]')).toHaveLength(0);
    expect(svg.getAttribute('aria-label')).toContain('aucune mesure depuis le point de départ, 10\u00a0jeux le 01/01/2024');
    expect(svg.getAttribute('aria-label')).toContain('cible 50\u00a0jeux au 31/12/2025');
  });

  it('draws the same picture in small when compact: 120 × 36, the line and the dashed plan, no axis and no words', () => {
    const svg = draw(measured, '2024-09-01', true);
    expect(svg.getAttribute('viewBox')).toBe('0 0 120 36');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(NAMED);
    expect(svg.querySelectorAll('[data-testid="trend-point"]')).toHaveLength(2);
    expect(svg.querySelector('[data-testid="trend-line"]')).not.toBeNull();
    expect(svg.querySelector('[data-testid="trend-plan"]')).not.toBeNull();
    expect(svg.querySelector('.trend__axis')).toBeNull();
    expect(svg.querySelectorAll('text')).toHaveLength(0);
    expect(svg.parentElement?.classList).toContain('compact');
  });

  it('draws the full chart with its axis and its words when not compact', () => {
    const svg = draw();
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${CHART_WIDTH} 150`);
    expect(svg.querySelector('.trend__axis')).not.toBeNull();
    expect(Array.from(svg.querySelectorAll('text')).map((t) => t.textContent?.trim())).toEqual([
      'aujourd’hui',
      '01/01/2024',
      '31/12/2025',
      '50',
      '10',
    ]);
  });
});
