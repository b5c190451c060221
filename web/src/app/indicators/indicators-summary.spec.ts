import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { must, text } from '../testing/dom';
import { refusal, setUpPageTest } from '../testing/http';
import { aMe } from '../testing/session';
import { IndicatorsSummary } from './indicators-summary';
import { aMeasurement, anIndicator } from './testing/indicator-factories';

describe('IndicatorsSummary', () => {
  let http: HttpTestingController;

  afterEach(() => http.verify());

  let fixture: ComponentFixture<IndicatorsSummary>;

  async function open(): Promise<HTMLElement> {
    http = setUpPageTest(IndicatorsSummary, aMe({ role: 'elected' }));
    fixture = TestBed.createComponent(IndicatorsSummary);
    fixture.componentRef.setInput('roadmapId', 'rm-1');
    fixture.componentRef.setInput('slug', 'brest-2026-2032');
    fixture.componentRef.setInput('today', '2024-09-01');
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;
    expect(text(page.querySelector('[role="status"]'))).toBe('Chargement des indicateurs…');
    return page;
  }

  it('lists every indicator of the roadmap: its function (a link to its page), latest measurement, target, trend and health', async () => {
    const page = await open();
    http.expectOne('/api/roadmaps/rm-1/indicators').flush([
      anIndicator({ measurements: [aMeasurement({ on: '2024-07-01', value: 22.5 })], health: 'off-track' }),
      anIndicator({
        id: 'ind-2',
        functionId: 'fn-rh',
        functionName: 'Compétences',
        name: 'Agents formés',
        unit: '%',
        target: { on: '2026-06-30', value: 80 },
      }),
    ]);
    await fixture.whenStable();
    const rows = Array.from(page.querySelectorAll('[data-testid="indicators"] tbody tr')).map((r) =>
      Array.from(r.querySelectorAll('th, td')).map((c) => text(c)),
    );
    expect(rows).toEqual([
      ['Éthique', 'Jeux de données ouverts', '22,5 jeux 01/07/2024', '50 jeux → 31/12/2025', '', 'En retard'],
      ['Compétences', 'Agents formés', 'Aucune mesure', '80 % → 30/06/2026', '', 'Jamais mesuré'],
    ]);
    expect(Array.from(page.querySelectorAll('[data-testid="indicators"] thead th')).map((th) => text(th))).toEqual([
      'Fonction',
      'Indicateur',
      'Dernière mesure',
      'Cible',
      'Tendance',
      'État',
    ]);
    expect(Array.from(page.querySelectorAll('[data-testid="indicators"] a')).map((a) => a.getAttribute('href'))).toEqual([
      '/r/brest-2026-2032/fonctions/fn-ethique#indicateurs',
      '/r/brest-2026-2032/fonctions/fn-rh#indicateurs',
    ]);
  });

  it('draws each row’s trend in small: one image named by its latest measurement and target, its measurements on the way to the target', async () => {
    const page = await open();
    http.expectOne('/api/roadmaps/rm-1/indicators').flush([
      anIndicator({
        measurements: [
          aMeasurement({ id: 'm-1', on: '2024-03-01', value: 14 }),
          aMeasurement({ id: 'm-2', on: '2024-07-01', value: 22.5 }),
        ],
      }),
      anIndicator({ id: 'ind-2', name: 'Agents formés', unit: '%', baseline: { on: '2024-01-01', value: 5 }, expected: 30 }),
    ]);
    await fixture.whenStable();
    const cells = Array.from(page.querySelectorAll('[data-testid="indicators"] tbody tr')).map((row) =>
      must(row.querySelector('[data-testid="indicator-trend"]')),
    );
    expect(cells).toHaveLength(2);
    const charts = cells.map((cell) => must(cell.querySelector<SVGElement>('svg[role="img"]')));
    expect(charts.map((svg) => svg.getAttribute('aria-label'))).toEqual([
      'Tendance de « Jeux de données ouverts » : dernière mesure 22,5\u00a0jeux le 01/07/2024 ; cible 50\u00a0jeux au 31/12/2025 ; attendu aujourd’hui : 16,6\u00a0jeux.',
      'Tendance de « Agents formés » : aucune mesure depuis le point de départ, 5\u00a0% le 01/01/2024 ; cible 50\u00a0% au 31/12/2025 ; attendu aujourd’hui : 30\u00a0%.',
    ]);
    // the row's size (120 × 36), the line through the measurements and the dashed plan; no axis, no words
    expect(charts.map((svg) => svg.getAttribute('viewBox'))).toEqual(['0 0 120 36', '0 0 120 36']);
    expect(charts[0].querySelectorAll('[data-testid="trend-point"]')).toHaveLength(2);
    expect(charts[0].querySelector('[data-testid="trend-line"]')).not.toBeNull();
    expect(charts[1].querySelectorAll('[data-testid="trend-point"]')).toHaveLength(0);
    for (const svg of charts) {
      expect(svg.querySelector('[data-testid="trend-plan"]')).not.toBeNull();
      expect(svg.querySelectorAll('text')).toHaveLength(0);
    }
  });

  it('says where indicators are defined when there is none, and why it failed when it did', async () => {
    let page = await open();
    http.expectOne('/api/roadmaps/rm-1/indicators').flush([]);
    await fixture.whenStable();
    expect(text(page)).toContain('Aucun indicateur n’est encore défini');
    http.verify();
    TestBed.resetTestingModule();

    page = await open();
    http.expectOne('/api/roadmaps/rm-1/indicators').flush(...refusal(500, 'internal', 'La base est indisponible.'));
    await fixture.whenStable();
    expect(text(page.querySelector('[role="alert"]'))).toBe('Impossible de charger les indicateurs : La base est indisponible.');
  });
});
