import type { IndicatorView, MeView } from '@jalons/contract';
import type { IndicatorHealth } from '@jalons/domain';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { accessibleName, must, text } from '../testing/dom';
import { refusal, ruleBroken, setUpPageTest } from '../testing/http';
import { aMe } from '../testing/session';
import { FunctionIndicators } from './function-indicators';
import { aMeasurement, anIndicator } from './testing/indicator-factories';

const URL = '/api/roadmaps/rm-1/functions/fn-ethique/indicators';
const OPEN_DATA = anIndicator({
  measurements: [
    aMeasurement({ id: 'm-1', on: '2024-03-01', value: 14 }),
    aMeasurement({ id: 'm-2', on: '2024-07-01', value: 22.5, comment: 'Après l’atelier', sourceUrl: 'https://data.brest.example/jeux' }),
  ],
  health: 'at-risk',
});

describe('FunctionIndicators', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<FunctionIndicators>;
  let page: HTMLElement;

  afterEach(() => http.verify());

  async function open(indicators: IndicatorView[] = [OPEN_DATA], me: MeView = aMe()): Promise<void> {
    http = setUpPageTest(FunctionIndicators, me);
    fixture = TestBed.createComponent(FunctionIndicators);
    fixture.componentRef.setInput('roadmapId', 'rm-1');
    fixture.componentRef.setInput('functionId', 'fn-ethique');
    fixture.componentRef.setInput('today', '2024-09-01');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne(URL).flush(indicators);
    await fixture.whenStable();
  }

  const byId = <T extends HTMLElement>(id: string) => must(page.querySelector<T>(`[id="${id}"]`), id);
  const button = (name: string) =>
    must(
      Array.from(page.querySelectorAll('button')).find((b) => accessibleName(b) === name),
      name,
    );
  const buttons = () => Array.from(page.querySelectorAll('button')).map(accessibleName);
  async function click(name: string): Promise<void> {
    button(name).click();
    await fixture.whenStable();
  }
  async function set(id: string, value: string, event = 'input'): Promise<void> {
    const el = byId<HTMLInputElement>(id);
    el.value = value;
    el.dispatchEvent(new Event(event));
    await fixture.whenStable();
  }
  async function submit(testid: string): Promise<void> {
    must(page.querySelector(`[data-testid="${testid}"]`)).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }
  function facts(): Record<string, string> {
    const dts = Array.from(page.querySelectorAll('[data-testid="indicator"] dt'));
    return Object.fromEntries(dts.map((dt) => [text(dt), text(dt.nextElementSibling)]));
  }

  it('shows each indicator: its health, latest measurement, target, baseline, expected value and unit', async () => {
    await open();
    expect(text(page.querySelector('h3'))).toBe('Jeux de données ouverts');
    expect(facts()).toEqual({
      État: 'À surveiller',
      'Dernière mesure': '22,5 jeux le 01/07/2024',
      Cible: '50 jeux au 31/12/2025',
      'Point de départ': '10 jeux le 01/01/2024',
      'Attendu aujourd’hui': '16,6 jeux',
      'Unité, sens du progrès': 'jeux · À la hausse',
    });
    const chart = must(page.querySelector('svg[role="img"]'));
    expect(chart.getAttribute('aria-label')).toContain('dernière mesure 22,5\u00a0jeux le 01/07/2024');
    expect(chart.getAttribute('aria-label')).toContain('cible 50\u00a0jeux au 31/12/2025');
  });

  it('lists the measurements, newest first, with their comment and a link to their source', async () => {
    await open();
    expect(text(page.querySelector('summary'))).toBe('Voir les mesures (2)');
    const rows = Array.from(page.querySelectorAll('[data-testid="measurements"] tbody tr')).map((r) =>
      Array.from(r.querySelectorAll('th, td')).map((c) => text(c)),
    );
    expect(rows).toEqual([
      ['01/07/2024', '22,5 jeux', 'Après l’atelier', 'data.brest.example', 'Supprimer'],
      ['01/03/2024', '14 jeux', '', '', 'Supprimer'],
    ]);
    expect(page.querySelector('[data-testid="measurements"] a')?.getAttribute('href')).toBe('https://data.brest.example/jeux');
  });

  it.each<[IndicatorHealth, string]>([
    ['on-track', 'En bonne voie'],
    ['at-risk', 'À surveiller'],
    ['off-track', 'En retard'],
    ['not-measured', 'Jamais mesuré'],
    ['stale', 'Mesure ancienne'],
  ])('says the health %s in words (%s), not by colour alone', async (health, words) => {
    await open([anIndicator({ health })]);
    const badge = must(page.querySelector('[data-testid="indicator-health"]'));
    expect(text(badge)).toBe(words);
    expect(badge.className).toContain(`indicator-health--${health}`);
  });

  it('says when the function has no indicator yet', async () => {
    await open([], aMe({ role: 'elected' }));
    expect(text(page)).toContain('Aucun indicateur n’est encore défini pour cette fonction.');
  });

  it.each([
    ['the project lead', aMe()],
    ['the function’s owner', aMe({ role: 'owner', functionIds: ['fn-ethique'] })],
  ])('offers %s to define, change and delete indicators and measurements', async (_who, me) => {
    await open([OPEN_DATA], me);
    expect(buttons()).toEqual(
      expect.arrayContaining([
        'Supprimer la mesure du 01/07/2024',
        'Enregistrer une mesure',
        'Modifier l’indicateur',
        'Supprimer l’indicateur',
        'Définir un indicateur',
      ]),
    );
  });

  it.each([
    ['the owner of another function', aMe({ role: 'owner', functionIds: ['fn-rh'] })],
    ['an elected official', aMe({ role: 'elected' })],
    ['the administrator', aMe({ role: 'admin' })],
  ])('offers %s nothing to change: reading only', async (_who, me) => {
    await open([OPEN_DATA], me);
    expect(buttons()).toEqual([]);
    expect(page.querySelector('form')).toBeNull();
    expect(text(page)).toContain('22,5 jeux le 01/07/2024');
  });

  it('records a measurement, and shows the indicator as the API sends it back', async () => {
    await open();
    await click('Enregistrer une mesure');
    expect(button('Enregistrer une mesure').getAttribute('aria-expanded')).toBe('true');
    expect(byId<HTMLInputElement>('indicateur-ind-1-mesure-on').value).toBe('2024-09-01');
    await set('indicateur-ind-1-mesure-value', '31');
    await set('indicateur-ind-1-mesure-comment', '  Portail ouvert  ');
    await set('indicateur-ind-1-mesure-sourceUrl', 'https://data.brest.example/');
    await submit('measurement-form');
    const req = http.expectOne({ method: 'POST', url: '/api/indicators/ind-1/measurements' });
    expect(req.request.body).toEqual({ on: '2024-09-01', value: 31, comment: 'Portail ouvert', sourceUrl: 'https://data.brest.example/' });
    const latest = aMeasurement({ id: 'm-3', on: '2024-09-01', value: 31 });
    req.flush({ ...OPEN_DATA, measurements: [...OPEN_DATA.measurements, latest], latest, health: 'on-track' });
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="measurement-form"]')).toBeNull();
    expect(facts()['Dernière mesure']).toBe('31 jeux le 01/09/2024');
    expect(facts()['État']).toBe('En bonne voie');
    expect(text(page.querySelector('[role="status"]'))).toBe('Mesure enregistrée.');
  });

  it('shows the API’s refusal of a measurement’s date next to the date, and puts the keyboard there', async () => {
    await open();
    await click('Enregistrer une mesure');
    await set('indicateur-ind-1-mesure-on', '2023-06-01');
    await set('indicateur-ind-1-mesure-value', '12');
    await submit('measurement-form');
    http
      .expectOne({ method: 'POST' })
      .flush(...ruleBroken('on', 'La date de la mesure ne peut pas précéder le point de départ (01/01/2024).'));
    await fixture.whenStable();
    const day = byId('indicateur-ind-1-mesure-on');
    expect(day.getAttribute('aria-invalid')).toBe('true');
    expect(text(byId(day.getAttribute('aria-describedby')?.split(' ')[0] ?? ''))).toBe(
      'La date de la mesure ne peut pas précéder le point de départ (01/01/2024).',
    );
    expect(document.activeElement).toBe(day);
  });

  it('defines an indicator with every field, and shows it', async () => {
    await open([]);
    await click('Définir un indicateur');
    await set('indicateur-nouveau-name', 'Agents formés à la donnée');
    await set('indicateur-nouveau-unit', 'personnes');
    await set('indicateur-nouveau-direction', 'up', 'change');
    await set('indicateur-nouveau-baselineOn', '2024-01-01');
    await set('indicateur-nouveau-baselineValue', '0');
    await set('indicateur-nouveau-targetOn', '2025-06-30');
    await set('indicateur-nouveau-targetValue', '120');
    await submit('indicator-form');
    const req = http.expectOne({ method: 'POST', url: URL });
    expect(req.request.body).toEqual({
      name: 'Agents formés à la donnée',
      unit: 'personnes',
      direction: 'up',
      baselineOn: '2024-01-01',
      baselineValue: 0,
      targetOn: '2025-06-30',
      targetValue: 120,
    });
    req.flush(anIndicator({ id: 'ind-2', name: 'Agents formés à la donnée', unit: 'personnes' }));
    await fixture.whenStable();
    expect(Array.from(page.querySelectorAll('h3')).map(text)).toEqual(['Agents formés à la donnée']);
    expect(text(page.querySelector('[data-testid="indicators-status"]'))).toBe('Indicateur « Agents formés à la donnée » défini.');
  });

  it('shows the API’s refusal of a target on the target’s field', async () => {
    await open([]);
    await click('Définir un indicateur');
    await submit('indicator-form');
    http.expectOne({ method: 'POST' }).flush(...ruleBroken('targetValue', 'À la hausse, la cible doit dépasser la valeur de départ.'));
    await fixture.whenStable();
    expect(byId('indicateur-nouveau-targetValue').getAttribute('aria-invalid')).toBe('true');
    expect(text(page)).toContain('À la hausse, la cible doit dépasser la valeur de départ.');
  });

  it('changes an indicator with the version read, sending only what changed; a stale version reads it again', async () => {
    await open();
    await click('Modifier l’indicateur');
    await set('indicateur-ind-1-edition-targetValue', '60');
    await submit('indicator-form');
    const req = http.expectOne({ method: 'PATCH', url: '/api/indicators/ind-1' });
    expect(req.request.body).toEqual({ version: 1, targetValue: 60 });
    req.flush(...refusal(409, 'version_conflict', 'Version périmée.', { currentVersion: 2 }));
    await fixture.whenStable();
    expect(text(page.querySelector('[role="alert"]'))).toContain('Cet indicateur a été modifié entre-temps');
    http.expectOne({ method: 'GET', url: URL }).flush([{ ...OPEN_DATA, version: 2, name: 'Jeux ouverts' }]);
    await fixture.whenStable();
    expect(text(page.querySelector('h3'))).toBe('Jeux ouverts');
  });

  it('deletes a measurement after asking, then reads the indicator again', async () => {
    await open();
    await click('Supprimer la mesure du 01/07/2024');
    expect(text(page.querySelector('.confirm'))).toContain('Supprimer la mesure du 01/07/2024 ?');
    expect(document.activeElement?.id).toBe('indicateur-ind-1-annuler-suppression');
    (page.querySelector('[data-testid="confirm-delete"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    http.expectOne({ method: 'DELETE', url: '/api/measurements/m-2' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: URL }).flush([{ ...OPEN_DATA, measurements: [OPEN_DATA.measurements[0]] }]);
    await fixture.whenStable();
    expect(text(page.querySelector('summary'))).toBe('Voir les mesures (1)');
  });

  it('deletes an indicator after asking; « Annuler » asks nothing', async () => {
    await open();
    await click('Supprimer l’indicateur');
    expect(text(page.querySelector('.confirm'))).toContain('Supprimer l’indicateur « Jeux de données ouverts » et ses 2 mesures ?');
    await click('Annuler');
    expect(page.querySelector('.confirm')).toBeNull();
    await click('Supprimer l’indicateur');
    (page.querySelector('[data-testid="confirm-delete"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    http.expectOne({ method: 'DELETE', url: '/api/indicators/ind-1' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="indicator"]')).toBeNull();
    expect(text(page.querySelector('[data-testid="indicators-status"]'))).toBe('Indicateur « Jeux de données ouverts » supprimé.');
  });
});
