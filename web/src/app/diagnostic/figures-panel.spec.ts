import type { DiagnosticView, FigureView, MeView } from '@jalons/contract';
import { FIGURE_LABELS } from '@jalons/domain';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { accessibleName, must, text } from '../testing/dom';
import { ruleBroken, setUpPageTest } from '../testing/http';
import { aMe } from '../testing/session';
import { FIGURE_TEXT, FiguresPanel } from './figures-panel';

const OPERATORS: FigureView = {
  code: 'operators-met',
  label: 'Opérateurs rencontrés',
  unit: 'percent',
  value: 60,
  numerator: 3,
  denominator: 5,
  study: { value: 80, comparison: 'eq' },
  target: { value: 100, on: '2027-06-30' },
};
const WORKSHOP: FigureView = {
  code: 'workshop',
  label: 'Participation à l’atelier de co-construction',
  unit: 'percent',
  value: 62.5,
  numerator: 10,
  denominator: 16,
  study: { value: 60, comparison: 'gt' },
  target: null,
};
const REFERENTS: FigureView = {
  code: 'referents',
  label: 'Directions ayant nommé un·e référent·e données',
  unit: 'percent',
  value: null,
  numerator: 0,
  denominator: 0,
  study: null,
  target: null,
};
const EXPERTS: FigureView = {
  code: 'experts',
  label: 'Experts interrogés',
  unit: 'count',
  value: 6,
  numerator: 6,
  denominator: null,
  study: { value: 6, comparison: 'eq' },
  target: null,
};

const diagnostic = (figures: FigureView[]): DiagnosticView => ({
  roadmapId: 'rm-1',
  on: '2026-11-29',
  thresholds: { matureFrom: 3, ambitiousFrom: 3 },
  actors: [],
  figures,
  firstAssessmentOn: null,
  lastAssessmentOn: null,
});

describe('the figures’ names', () => {
  it('say what the domain’s FIGURE_LABELS say', () => {
    expect(FIGURE_TEXT).toEqual(FIGURE_LABELS);
  });
});

describe('FiguresPanel', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<FiguresPanel>;
  let page: HTMLElement;

  afterEach(() => http.verify());

  async function open(me: MeView = aMe(), figures = [OPERATORS, WORKSHOP, REFERENTS, EXPERTS]): Promise<void> {
    http = setUpPageTest(FiguresPanel, me);
    fixture = TestBed.createComponent(FiguresPanel);
    fixture.componentRef.setInput('roadmapId', 'rm-1');
    fixture.componentRef.setInput('slug', 'brest-2026-2032');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/roadmaps/rm-1/diagnostic').flush(diagnostic(figures));
    await fixture.whenStable();
  }

  const figure = (code: string) => must(page.querySelector(`[data-code="${code}"]`), code);
  const part = (code: string, testid: string) => text(figure(code).querySelector(`[data-testid="${testid}"]`));
  const button = (name: string) =>
    must(
      Array.from(page.querySelectorAll('button')).find((b) => accessibleName(b) === name),
      name,
    );
  async function set(id: string, value: string): Promise<void> {
    const el = must(page.querySelector<HTMLInputElement>(`[id="${id}"]`), id);
    el.value = value;
    el.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('shows each live figure beside the study’s value, and its target when one is set', async () => {
    await open(aMe({ role: 'elected' }));
    expect(Array.from(page.querySelectorAll('h3')).map(text)).toEqual([
      'Opérateurs rencontrés',
      'Participation à l’atelier de co-construction',
      'Directions ayant nommé un·e référent·e données',
      'Experts interrogés',
    ]);
    expect(part('operators-met', 'figure-value')).toBe('60 % (3 sur 5)');
    expect(part('operators-met', 'figure-study')).toBe('Étude : 80 %');
    expect(part('operators-met', 'figure-target')).toBe('Cible : 100 % au 30/06/2027');
    expect(part('workshop', 'figure-value')).toBe('62,5 % (10 sur 16)');
    expect(part('workshop', 'figure-study')).toBe('Étude : > 60 %');
    expect(part('workshop', 'figure-target')).toBe('Pas de cible');
    expect(part('referents', 'figure-value')).toBe('— (0 sur 0)');
    expect(part('referents', 'figure-study')).toBe('Étude : non chiffré');
    expect(part('experts', 'figure-value')).toBe('6');
    expect(part('experts', 'figure-study')).toBe('Étude : 6');
    expect(text(page)).toContain('Calculés au 29/11/2026');
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/r/brest-2026-2032/diagnostic');
  });

  it.each([
    ['a function owner', aMe({ role: 'owner', functionIds: ['fn-ethique'] })],
    ['an elected official', aMe({ role: 'elected' })],
  ])('offers %s no target to set', async (_who, me) => {
    await open(me);
    expect(page.querySelectorAll('button')).toHaveLength(0);
  });

  it('lets the project lead set a target and its date', async () => {
    await open();
    button('Fixer une cible : Participation à l’atelier de co-construction').click();
    await fixture.whenStable();
    await set('chiffre-workshop-value', '75');
    await set('chiffre-workshop-on', '2027-12-31');
    must(figure('workshop').querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    const req = http.expectOne({ method: 'PUT', url: '/api/roadmaps/rm-1/diagnostic/targets/workshop' });
    expect(req.request.body).toEqual({ value: 75, on: '2027-12-31' });
    req.flush({ ...WORKSHOP, target: { value: 75, on: '2027-12-31' } });
    await fixture.whenStable();
    expect(part('workshop', 'figure-target')).toBe('Cible : 75 % au 31/12/2027');
    expect(figure('workshop').querySelector('form')).toBeNull();
    expect(document.activeElement?.id).toBe('chiffre-workshop-cible');
  });

  it('shows the API’s refusal of a target next to its field', async () => {
    await open();
    button('Fixer une cible : Experts interrogés').click();
    await fixture.whenStable();
    await set('chiffre-experts-value', '2.5');
    must(figure('experts').querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    http.expectOne({ method: 'PUT' }).flush(...ruleBroken('value', 'Un compte est un nombre entier.'));
    await fixture.whenStable();
    const value = must(page.querySelector('[id="chiffre-experts-value"]'));
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(text(figure('experts'))).toContain('Un compte est un nombre entier.');
  });

  it('lets the project lead clear a target', async () => {
    await open();
    button('Retirer la cible : Opérateurs rencontrés').click();
    await fixture.whenStable();
    http
      .expectOne({ method: 'DELETE', url: '/api/roadmaps/rm-1/diagnostic/targets/operators-met' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(part('operators-met', 'figure-target')).toBe('Pas de cible');
    expect(text(page.querySelector('[role="status"]'))).toBe('Cible retirée.');
  });
});
