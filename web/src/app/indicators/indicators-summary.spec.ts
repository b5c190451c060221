import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { text } from '../testing/dom';
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
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;
    expect(text(page.querySelector('[role="status"]'))).toBe('Chargement des indicateurs…');
    return page;
  }

  it('lists every indicator of the roadmap: its function (a link to its page), latest measurement, target and health', async () => {
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
      ['Éthique', 'Jeux de données ouverts', '22,5 jeux 01/07/2024', '50 jeux → 31/12/2025', 'En retard'],
      ['Compétences', 'Agents formés', 'Aucune mesure', '80 % → 30/06/2026', 'Jamais mesuré'],
    ]);
    expect(Array.from(page.querySelectorAll('[data-testid="indicators"] a')).map((a) => a.getAttribute('href'))).toEqual([
      '/r/brest-2026-2032/fonctions/fn-ethique#indicateurs',
      '/r/brest-2026-2032/fonctions/fn-rh#indicateurs',
    ]);
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
