import type { ImportPlanView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { must, text } from '../testing/dom';
import { refusal, setUpRoutedTest } from '../testing/http';
import { aMe } from '../testing/session';
import { ImportPage } from './import-page';

function plan(over: Partial<ImportPlanView> = {}): ImportPlanView {
  return {
    fileName: 'plan.xlsx',
    applied: false,
    updates: [
      {
        itemType: 'action',
        sheet: 'Actions',
        line: 3,
        title: 'Rédiger la charte',
        id: 'act-1',
        version: 4,
        changes: [
          { field: 'due', label: 'Échéance', from: '2027-03-01', to: '2027-03-08' },
          { field: 'progress', label: 'Avancement %', from: '40 %', to: '45 %' },
        ],
      },
    ],
    creations: [
      {
        itemType: 'action',
        sheet: 'Actions',
        line: 40,
        title: 'Nouvelle action',
        fields: [{ field: 'title', label: 'Action', from: null, to: 'Nouvelle action' }],
      },
    ],
    refused: [],
    conflicts: [],
    unchanged: 36,
    warnings: [],
    canApply: true,
    ...over,
  };
}

describe('ImportPage — « Importer un tableur »', () => {
  let http: HttpTestingController;
  let page: HTMLElement;
  let harness: RouterTestingHarness;

  async function open(me = aMe()) {
    http = setUpRoutedTest([{ path: 'import', component: ImportPage, data: { roadmap: 'rm-1' } }], me);
    TestBed.inject(CurrentRoadmap).set({ id: 'rm-1', slug: 'brest' } as never);
    harness = await RouterTestingHarness.create('/import');
    page = must(harness.routeNativeElement);
  }
  afterEach(() => http.verify());

  function choose(name = 'plan.xlsx') {
    const input = must(page.querySelector<HTMLInputElement>('input[type="file"]'));
    Object.defineProperty(input, 'files', { value: [new File(['PK'], name)], configurable: true });
    input.dispatchEvent(new Event('change'));
  }
  const buttons = () => Array.from(page.querySelectorAll('button')).map((b) => [text(b), b.disabled]);
  async function analyse(answer: ImportPlanView) {
    must(page.querySelector('form')).dispatchEvent(new Event('submit'));
    const req = http.expectOne((r) => r.url === '/api/roadmaps/rm-1/import');
    expect(req.request.method).toBe('POST');
    expect(req.request.params.get('dryRun')).toBe('true');
    expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
    req.flush(answer);
    await harness.fixture.whenStable();
  }

  it('analyses the file, shows every change from → to and the creations, then applies it and links back', async () => {
    await open();
    expect(must(page.querySelector('label[for="import-file"]')).textContent).toContain('Fichier exporté, modifié');
    choose();
    await analyse(plan());
    expect(text(page.querySelector('h2'))).toBe('Plan de l’import : plan.xlsx');
    expect(Array.from(page.querySelectorAll('.plan-counts li')).map(text)).toEqual([
      '1 modification(s)',
      '1 création(s)',
      '0 ligne(s) refusée(s)',
      '0 conflit(s)',
      '36 ligne(s) inchangée(s)',
    ]);
    const changes = Array.from(page.querySelectorAll('#updates-heading + ul .changes li')).map(text);
    expect(changes).toEqual(['Échéance : 01/03/2027 → devient 08/03/2027', 'Avancement % : 40 % → devient 45 %']);
    expect(must(page.querySelector('#updates-heading + ul a')).getAttribute('href')).toBe('/r/brest/actions/act-1');
    expect(text(page.querySelector('#creations-heading + ul .plan-row-title'))).toBe('Actions, ligne 40 — Nouvelle action (action)');
    expect(buttons()).toContainEqual(['Appliquer l’import', false]);

    must(Array.from(page.querySelectorAll('button')).find((b) => text(b) === 'Appliquer l’import')).click();
    const req = http.expectOne((r) => r.url === '/api/roadmaps/rm-1/import');
    expect(req.request.params.has('dryRun')).toBe(false);
    req.flush(plan({ applied: true }));
    await harness.fixture.whenStable();
    expect(text(page.querySelector('[role="status"]'))).toContain('Import appliqué : 1 modification(s), 1 création(s)');
    expect(text(page.querySelector('h2'))).toBe('Import appliqué : plan.xlsx');
    expect(page.querySelector('a[href="/r/brest/chronogramme"]')).not.toBeNull();
  });

  it('keeps « Appliquer l’import » disabled while a row is refused or in conflict, each shown with its line and reason', async () => {
    await open();
    choose();
    await analyse(
      plan({
        canApply: false,
        refused: [
          {
            itemType: 'action',
            sheet: 'Actions',
            line: 7,
            title: 'Voter',
            id: null,
            reasons: ['Début : « 31/02/2027 » n’est pas un jour du calendrier.'],
          },
        ],
        conflicts: [{ itemType: 'milestone', sheet: 'Jalons', line: 4, title: 'Comité', id: 'ms-1', fileVersion: 2, currentVersion: 3 }],
      }),
    );
    expect(text(page.querySelector('#refused-heading + ul li'))).toBe(
      'Actions, ligne 7 — Voter Début : « 31/02/2027 » n’est pas un jour du calendrier.',
    );
    expect(text(page.querySelector('#conflicts-heading ~ ul li'))).toBe(
      'Jalons, ligne 4 — Comité Version du fichier 2, version actuelle 3.',
    );
    expect(buttons()).toContainEqual(['Appliquer l’import', true]);
  });

  it('says why a file is refused, in an alert tied to the file field', async () => {
    await open();
    must(page.querySelector('form')).dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
    expect(text(page.querySelector('[role="alert"]'))).toBe('Choisissez d’abord le fichier à importer.');
    choose('notes.pdf');
    must(page.querySelector('form')).dispatchEvent(new Event('submit'));
    http
      .expectOne((r) => r.url === '/api/roadmaps/rm-1/import')
      .flush(...refusal(415, 'unsupported_media_type', 'Ce fichier n’est ni un classeur XLSX ni un CSV.'));
    await harness.fixture.whenStable();
    expect(text(page.querySelector('[role="alert"]'))).toBe('Ce fichier n’est ni un classeur XLSX ni un CSV.');
    expect(must(page.querySelector('input[type="file"]')).getAttribute('aria-errormessage')).toBe('import-error');
  });

  it('shows no form to a function owner', async () => {
    await open(aMe({ role: 'owner', functionIds: ['fn-1'] }));
    expect(page.querySelector('input[type="file"]')).toBeNull();
    expect(text(page.querySelector('.notice'))).toBe('Seul le chef ou la cheffe de projet importe un tableur dans la feuille de route.');
  });
});
