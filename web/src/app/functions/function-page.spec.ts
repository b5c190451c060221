import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';

import { JlGantt } from '../gantt/gantt';
import { provideFrenchLocale } from '../locale';
import { text } from '../testing/dom';
import { aChronogram, aFunction, aPerson, aRoadmap, aRollUp } from '../testing/factories';
import { anSCurve, provideFakeSCurveCharts } from '../progress/testing/fake-charts';
import { FunctionPage } from './function-page';

jest.mock('../gantt/gantt', () => jest.requireActual('../gantt/testing/gantt-stub'));

const central = aFunction({
  id: 'fn-centrale',
  code: 'centrale',
  name: 'Fonction centrale',
  family: 'centrale',
  central: true,
  description: 'Elle structure le service public local de la donnée.',
  owner: aPerson({ name: 'Camille Le Goff' }),
  volets: [
    {
      code: 'strategique',
      name: 'Volet stratégique',
      description: 'La donnée dans les projets du territoire.',
    },
    {
      code: 'metiers',
      name: 'Volet métiers',
      description: 'La stratégie traduite en projets de service.',
    },
    {
      code: 'technique',
      name: 'Volet technique',
      description: 'Les besoins traduits en solutions techniques.',
    },
  ],
  byPhase: {
    'phase-1': aRollUp({ progress: 100, expected: 100, count: 3 }),
    'phase-2': aRollUp({
      progress: 20,
      expected: 60,
      health: 'late',
      count: 4,
      overdue: 2,
    }),
  },
});

describe('FunctionPage', () => {
  let fixture: ComponentFixture<FunctionPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [FunctionPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideFrenchLocale(), provideFakeSCurveCharts()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(roadmap?: string): Promise<void> {
    fixture = TestBed.createComponent(FunctionPage);
    fixture.componentRef.setInput('id', 'fn-centrale');
    if (roadmap) fixture.componentRef.setInput('roadmap', roadmap);
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  }

  async function answer(): Promise<void> {
    http.expectOne('/api/roadmaps/rm-1/functions/fn-centrale').flush(central);
    http
      .expectOne((r) => r.url === '/api/roadmaps/rm-1/chronogram' && r.params.get('functionId') === 'fn-centrale')
      .flush(aChronogram({ functions: [central], actions: [], milestones: [] }));
    await fixture.whenStable();
    http.expectOne('/api/roadmaps/rm-1/functions/fn-centrale/indicators').flush([]); // its « Indicateurs » (indicators/)
    http.expectOne((r) => r.url === '/api/roadmaps/rm-1/s-curve').flush(anSCurve({ scope: 'function' })); // its S-curve (progress/)
    await fixture.whenStable();
  }

  it('shows the function’s description, owner and its three volets', async () => {
    await open('rm-1');
    await answer();
    expect(text(page.querySelector('h1'))).toBe('Fonction centrale');
    expect(text(page)).toContain('Elle structure le service public local de la donnée.');
    const owner = Array.from(page.querySelectorAll('.facts dt')).find((dt) => text(dt) === 'Référent·e');
    expect(text(owner?.nextElementSibling)).toBe('Camille Le Goff');
    const volets = Array.from(page.querySelectorAll('[data-testid="volets"] dt')).map(text);
    expect(volets).toEqual(['Volet stratégique', 'Volet métiers', 'Volet technique']);
  });

  it('gives its progress in each of the four phases', async () => {
    await open('rm-1');
    await answer();
    const rows = Array.from(page.querySelectorAll('[data-testid="phases"] tbody tr')).map((r) =>
      Array.from(r.querySelectorAll('th, td')).map((c) => text(c)),
    );
    expect(rows).toEqual([
      ['1. Incubation pré-électorale', '01/01/2024 – 09/04/2024', '100 %', '100 %', 'À l’heure', '3', '0'],
      ['2. Incubation post-électorale en cours', '10/04/2024 – 29/05/2024', '20 %', '60 %', 'En retard', '4', '2'],
      ['3. Phase d’émergence', '30/05/2024 – 26/10/2024', 'Aucune action dans cette phase.'],
      ['4. Phase de maturation', '27/10/2024 – 03/02/2025', 'Aucune action dans cette phase.'],
    ]);
  });

  it('says under a phase why it comes, the kit’s purpose', async () => {
    await open('rm-1');
    const view = aChronogram({ functions: [central], actions: [], milestones: [] });
    const why = 'Formuler collectivement le « pourquoi » du service avant de décider du « comment ».';
    view.roadmap.phases = view.roadmap.phases.map((p) => ({ ...p, purpose: p.order === 2 ? why : null }));
    http.expectOne('/api/roadmaps/rm-1/functions/fn-centrale').flush(central);
    http.expectOne((r) => r.url === '/api/roadmaps/rm-1/chronogram').flush(view);
    await fixture.whenStable();
    http.expectOne('/api/roadmaps/rm-1/functions/fn-centrale/indicators').flush([]);
    http.expectOne((r) => r.url === '/api/roadmaps/rm-1/s-curve').flush(anSCurve({ scope: 'function' })); // its S-curve (progress/)
    await fixture.whenStable();
    const rows = Array.from(page.querySelectorAll('[data-testid="phases"] tbody tr'));
    expect(rows.map((r) => text(r.querySelector('[data-testid="phase-purpose"]')))).toEqual(['', why, '', '']);
    expect(text(rows[1].querySelector('th'))).toBe(`2. Incubation post-électorale en cours ${why}`);
  });

  it('draws the function’s chronogram, read-only', async () => {
    await open('rm-1');
    await answer();
    const gantt = fixture.debugElement.query(By.directive(JlGantt)).componentInstance as JlGantt;
    expect(gantt.chronogram().functions.map((f) => f.id)).toEqual(['fn-centrale']);
    expect(gantt.editable()).toBe(false);
  });

  it('uses the first roadmap without ?roadmap=', async () => {
    await open();
    http.expectOne('/api/roadmaps').flush([aRoadmap()]);
    await answer();
    expect(text(page.querySelector('h1'))).toBe('Fonction centrale');
  });
});
