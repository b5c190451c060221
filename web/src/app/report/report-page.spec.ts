import type { BaselineView } from '@jalons/contract';
import { todayIn } from '@jalons/domain';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { must, text } from '../testing/dom';
import { aRoadmap } from '../testing/factories';
import { refusal, setUpPageTest } from '../testing/http';
import { ReportPage } from './report-page';

function aBaseline(overrides: Partial<BaselineView> = {}): BaselineView {
  return {
    id: 'bl-1',
    roadmapId: 'rm-1',
    number: 1,
    label: 'v1 — plan voté',
    decision: 'Délibération du conseil du 25/06/2026',
    decisionId: null,
    createdAt: '2026-06-25T10:00:00Z',
    createdBy: null,
    actions: 120,
    milestones: 30,
    latest: false,
    ...overrides,
  };
}

describe('ReportPage', () => {
  let fixture: ComponentFixture<ReportPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    http = setUpPageTest(ReportPage);
    TestBed.inject(CurrentRoadmap).set(aRoadmap());
  });
  afterEach(() => http.verify());

  async function open(at?: string, baselines: BaselineView[] = []): Promise<void> {
    fixture = TestBed.createComponent(ReportPage);
    fixture.componentRef.setInput('roadmap', 'rm-1');
    if (at) fixture.componentRef.setInput('at', at);
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/roadmaps/rm-1/baselines').flush(baselines);
    await fixture.whenStable();
  }

  const pdf = () => page.querySelector<HTMLAnchorElement>('[data-testid="report-pdf"]');
  const html = () => page.querySelector<HTMLAnchorElement>('[data-testid="report-html"]');

  function type(id: string, value: string): void {
    const input = page.querySelector<HTMLInputElement>(`#${id}`);
    if (!input) throw new Error(`no #${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
  }

  function pick(id: string): void {
    const input = page.querySelector<HTMLInputElement>(`#${id}`);
    if (!input) throw new Error(`no #${id}`);
    input.checked = true;
    input.dispatchEvent(new Event('change'));
    fixture.detectChanges();
  }

  it('offers today’s report in A4 and French, against the latest baseline by default', async () => {
    const today = todayIn('Europe/Paris');
    await open(undefined, [aBaseline(), aBaseline({ id: 'bl-2', number: 2, label: 'v2 — après arbitrage', latest: true })]);
    expect(text(page.querySelector('h1'))).toBe('Rapport au conseil');
    expect(page.querySelector<HTMLInputElement>('#rapport-date')?.value).toBe(today);
    expect(pdf()?.getAttribute('href')).toBe(`/api/roadmaps/rm-1/report?at=${today}&format=pdf&paper=a4&lang=fr&baseline=bl-2`);
    expect(pdf()?.getAttribute('download')).toBe(`rapport-brest-2026-2032-${today}.pdf`);
    expect(html()?.getAttribute('href')).toBe(`/api/roadmaps/rm-1/report?at=${today}&format=html&paper=a4&lang=fr&baseline=bl-2`);
    expect(html()?.getAttribute('target')).toBe('_blank');
    expect(text(html())).toBe('Ouvrir la version web (nouvel onglet)');
    expect(Array.from(page.querySelectorAll('#rapport-reference option')).map((o) => text(o))).toEqual([
      'Référence 2 — v2 — après arbitrage (la plus récente)',
      'Référence 1 — v1 — plan voté',
    ]);
  });

  it('carries the day, the paper, the language, the baseline and « since » into both links', async () => {
    await open('2026-12-31', [aBaseline({ latest: true }), aBaseline({ id: 'bl-0', number: 0, label: 'v0' })]);
    pick('rapport-papier-a3');
    pick('rapport-langue-en');
    const select = must(page.querySelector<HTMLSelectElement>('#rapport-reference'));
    select.value = 'bl-0';
    select.dispatchEvent(new Event('change'));
    type('rapport-depuis', '2026-11-15');
    const query = 'at=2026-12-31&format=pdf&paper=a3&lang=en&baseline=bl-0&since=2026-11-15';
    expect(pdf()?.getAttribute('href')).toBe(`/api/roadmaps/rm-1/report?${query}`);
    expect(html()?.getAttribute('href')).toContain('format=html&paper=a3&lang=en');
    expect(text(page.querySelector('label[for="rapport-langue-en"]'))).toBe('English');
    expect(page.querySelector('label[for="rapport-langue-en"]')?.getAttribute('lang')).toBe('en');
  });

  it('says what is wrong with the dates, on their fields, and offers no report meanwhile', async () => {
    await open('2026-12-31');
    type('rapport-depuis', '2027-01-15');
    const since = page.querySelector('#rapport-depuis');
    expect(since?.getAttribute('aria-invalid')).toBe('true');
    expect(text(page.querySelector(`#${since?.getAttribute('aria-describedby')?.split(' ')[0]}`))).toBe(
      'Ce jour doit précéder le jour du rapport.',
    );
    expect(pdf()).toBeNull();
    expect(text(page.querySelector('[role="status"]'))).toBe('Corrigez les dates pour obtenir le rapport.');

    type('rapport-depuis', '');
    type('rapport-date', '');
    expect(text(page.querySelector('#rapport-date-error'))).toBe('Indiquez le jour du rapport.');
    expect(pdf()).toBeNull();
    type('rapport-date', '2026-12-31');
    expect(pdf()?.getAttribute('href')).toBe('/api/roadmaps/rm-1/report?at=2026-12-31&format=pdf&paper=a4&lang=fr');
  });

  it('says when no plan was frozen, and when the baselines cannot be read', async () => {
    await open('2026-12-31');
    expect(text(page.querySelector('[data-testid="no-baseline"]'))).toBe(
      'Aucun plan n’a encore été gelé : le rapport ne montre pas de glissements.',
    );
    fixture.destroy();
    fixture = TestBed.createComponent(ReportPage);
    fixture.componentRef.setInput('roadmap', 'rm-1');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/roadmaps/rm-1/baselines').flush(...refusal(403, 'forbidden', 'Accès refusé.'));
    await fixture.whenStable();
    expect(text(page.querySelector('[role="alert"]'))).toBe('Impossible de charger les références : Accès refusé.');
    // the report is still offered, against the API's default
    expect(pdf()).not.toBeNull();
  });
});
