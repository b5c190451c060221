import type { RoadmapPreviewView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { RoadmapDirectory } from '../roadmap/roadmap-directory';
import { must, text } from '../testing/dom';
import { refusal, ruleBroken, setUpPageTest } from '../testing/http';
import { aRoadmap } from '../testing/factories';
import { NewRoadmapPage } from './new-roadmap-page';

const PREVIEW: RoadmapPreviewView = {
  slug: 'ville-de-quimper-2026-2032',
  territory: 'Ville de Quimper',
  mandateLabel: 'Mandat 2026–2032',
  electionDates: ['2026-03-15', '2026-03-22'],
  nextElectionDate: '2032-03-14',
  start: '2025-03-22',
  end: '2032-03-13',
  phases: [
    { code: 'pre-electorale', name: 'Incubation pré-électorale', start: '2025-03-22', end: '2026-03-21' },
    { code: 'post-electorale', name: 'Incubation post-électorale', start: '2026-03-22', end: '2026-12-21' },
    { code: 'emergence', name: 'Phase d’émergence', start: '2026-12-22', end: '2028-12-21' },
    { code: 'maturation', name: 'Phase de maturation', start: '2028-12-22', end: '2032-03-13' },
  ],
  counts: { functions: 11, actions: 68, milestones: 21 },
  problems: [],
};

const QUIMPER = { territory: 'Ville de Quimper', firstRound: '2026-03-15', secondRound: '2026-03-22' };

describe('NewRoadmapPage', () => {
  let fixture: ComponentFixture<NewRoadmapPage>;
  let http: HttpTestingController;
  let page: HTMLElement;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    http = setUpPageTest(NewRoadmapPage);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(NewRoadmapPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });
  afterEach(() => http.verify());

  async function type(id: string, value: string): Promise<void> {
    const el = must(page.querySelector<HTMLInputElement>(`#new-roadmap-${id}`), id);
    el.value = value;
    el.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function fill(values: Record<string, string>): Promise<void> {
    for (const [id, value] of Object.entries(values)) await type(id, value);
  }

  async function previewIt(): Promise<void> {
    must(page.querySelector('[data-testid="new-roadmap-form"]')).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  const button = (name: string) => Array.from(page.querySelectorAll('button')).find((b) => text(b) === name);
  const errorOf = (id: string) => text(page.querySelector(`#new-roadmap-${id}-error`));

  it('previews the four phases with their dates and what the kit brings, then creates the roadmap and opens it', async () => {
    await fill({ ...QUIMPER, territory: '  Ville de Quimper ' });
    await previewIt();
    const req = http.expectOne({ method: 'POST', url: '/api/roadmaps/preview' });
    expect(req.request.body).toEqual(QUIMPER);
    req.flush(PREVIEW);
    await fixture.whenStable();

    const preview = must(page.querySelector('[data-testid="preview"]'));
    expect(text(preview.querySelector('h2'))).toBe('Aperçu : Ville de Quimper');
    expect(document.activeElement?.id).toBe('titre-apercu');
    expect(text(preview.querySelector('[data-testid="counts"]'))).toBe('11 fonctions, 68 actions et 21 jalons');
    expect(text(preview)).toContain('/r/ville-de-quimper-2026-2032');
    expect(
      Array.from(preview.querySelectorAll('[data-testid="preview-phases"] tbody tr')).map((r) =>
        Array.from(r.children).map((c) => text(c)),
      ),
    ).toEqual([
      ['Incubation pré-électorale', '22/03/2025', '21/03/2026'],
      ['Incubation post-électorale', '22/03/2026', '21/12/2026'],
      ['Phase d’émergence', '22/12/2026', '21/12/2028'],
      ['Phase de maturation', '22/12/2028', '13/03/2032'],
    ]);

    const refresh = jest.spyOn(TestBed.inject(RoadmapDirectory), 'refresh');
    must(button('Créer la feuille de route')).click();
    await fixture.whenStable();
    const create = http.expectOne({ method: 'POST', url: '/api/roadmaps' });
    expect(create.request.body).toEqual(QUIMPER);
    create.flush(aRoadmap({ id: 'rm-quimper', slug: 'ville-de-quimper-2026-2032' }), { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(refresh).toHaveBeenCalled(); // the header's switcher lists it
    expect(navigate).toHaveBeenCalledWith(['/r', 'ville-de-quimper-2026-2032']);
  });

  it('asks for the territory and the first round before anything is sent, the keyboard on the first field to fix', async () => {
    await previewIt();
    http.expectNone('/api/roadmaps/preview');
    expect(errorOf('territory')).toBe('Indiquez le territoire.');
    expect(errorOf('firstRound')).toBe('Indiquez la date du premier tour (JJ/MM/AAAA).');
    const territory = must(page.querySelector('#new-roadmap-territory'));
    expect(territory.getAttribute('aria-invalid')).toBe('true');
    expect(territory.getAttribute('aria-describedby')).toContain('new-roadmap-territory-error');
    expect(document.activeElement).toBe(territory);
  });

  it('shows a date the API refuses next to its field, and no preview', async () => {
    await fill({ ...QUIMPER, secondRound: '2026-03-08' });
    await previewIt();
    http
      .expectOne('/api/roadmaps/preview')
      .flush(...ruleBroken('secondRound', 'Le second tour doit avoir lieu après le premier tour (15/03/2026).'));
    await fixture.whenStable();
    expect(errorOf('secondRound')).toBe('Le second tour doit avoir lieu après le premier tour (15/03/2026).');
    expect(document.activeElement?.id).toBe('new-roadmap-secondRound');
    expect(page.querySelector('[data-testid="preview"]')).toBeNull();
  });

  it('opens the address section to say the address is taken', async () => {
    await fill(QUIMPER);
    await previewIt();
    const message =
      'L’adresse « ville-de-quimper-2026-2032 » est déjà celle de la feuille de route « Ville de Quimper — Mandat 2026–2032 ». Choisissez-en une autre.';
    http.expectOne('/api/roadmaps/preview').flush(...refusal(409, 'slug_taken', message, { errors: [{ field: 'slug', message }] }));
    await fixture.whenStable();
    expect(must(page.querySelector<HTMLDetailsElement>('details.advanced')).open).toBe(true);
    expect(errorOf('slug')).toBe(message);

    await type('slug', 'quimper-2026');
    await previewIt();
    const again = http.expectOne('/api/roadmaps/preview');
    expect(again.request.body).toEqual({ ...QUIMPER, slug: 'quimper-2026' });
    again.flush({ ...PREVIEW, slug: 'quimper-2026' });
    await fixture.whenStable();
    expect(errorOf('slug')).toBe('');
  });

  it('drops the preview once a value changes: no creation from values not previewed', async () => {
    await fill(QUIMPER);
    await previewIt();
    http.expectOne('/api/roadmaps/preview').flush(PREVIEW);
    await fixture.whenStable();
    expect(button('Créer la feuille de route')).toBeDefined();

    await type('nextElection', '2033-03-20');
    expect(page.querySelector('[data-testid="preview"]')).toBeNull();
    expect(button('Créer la feuille de route')).toBeUndefined();
    expect(text(page.querySelector('[data-testid="stale"]'))).toContain('prévisualisez à nouveau');
  });

  it('lists the kit items that would not fit, and offers no creation', async () => {
    await fill(QUIMPER);
    await previewIt();
    http.expectOne('/api/roadmaps/preview').flush({ ...PREVIEW, problems: ['innovation.services.due: hors du mandat'] });
    await fixture.whenStable();
    expect(text(page.querySelector('[data-testid="problems"] li'))).toBe('innovation.services.due: hors du mandat');
    expect(button('Créer la feuille de route')).toBeUndefined();
  });
});
