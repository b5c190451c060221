import type { CarryOverView, RoadmapSummaryView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { aFunction, aMilestone, aRoadmap, anAction } from '../testing/factories';
import { must, text } from '../testing/dom';
import { ruleBroken, setUpPageTest } from '../testing/http';
import { CarryOverPage, carryGroups } from './carry-over-page';

describe('CarryOverPage', () => {
  let fixture: ComponentFixture<CarryOverPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  const source: RoadmapSummaryView = aRoadmap();
  const next: RoadmapSummaryView = aRoadmap({ id: 'rm-2', slug: 'brest-2032-2038', mandateLabel: 'Mandat 2032–2038' });
  const closed: RoadmapSummaryView = aRoadmap({ id: 'rm-3', slug: 'quimper', territory: 'Quimper', closedAt: '2024-01-01T10:00:00.000Z' });
  const ethique = aFunction();
  const juridique = aFunction({ id: 'fn-juridique', code: 'juridique', name: 'Juridique', order: 2 });
  const actions = [
    anAction({ id: 'a-1', functionId: 'fn-ethique', title: 'Charte éthique', status: 'en_cours' }),
    anAction({ id: 'a-2', functionId: 'fn-ethique', title: 'Comité éthique', status: 'a_lancer' }),
    anAction({ id: 'a-3', functionId: 'fn-juridique', title: 'Conventions', status: 'bloquee' }),
  ];
  const milestones = [aMilestone({ id: 'm-1', functionId: 'fn-ethique', title: 'Charte adoptée', achievedOn: null })];

  beforeEach(() => (http = setUpPageTest(CarryOverPage)));
  afterEach(() => http.verify());

  async function open(): Promise<void> {
    fixture = TestBed.createComponent(CarryOverPage);
    fixture.componentRef.setInput('roadmap', 'rm-1');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/roadmaps').flush([source, next, closed]);
    http.expectOne('/api/roadmaps/rm-1/functions').flush([juridique, ethique]);
    http.expectOne('/api/roadmaps/rm-1/actions?status=a_lancer,en_cours,bloquee').flush(actions);
    http.expectOne('/api/roadmaps/rm-1/milestones?achieved=false').flush(milestones);
    await fixture.whenStable();
  }

  const byId = <T extends HTMLElement>(id: string) => must(page.querySelector<T>(`[id="${id}"]`), id);
  const button = (name: string) =>
    must(
      Array.from(page.querySelectorAll('button')).find((b) => text(b).startsWith(name)),
      name,
    );
  async function click(el: HTMLElement): Promise<void> {
    el.click();
    await fixture.whenStable();
  }
  async function choose(id: string): Promise<void> {
    const select = byId<HTMLSelectElement>('reprise-targetRoadmapId');
    select.value = id;
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }
  async function submit(): Promise<void> {
    must(page.querySelector('form')).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  const view = (applied: boolean): CarryOverView => ({
    applied,
    sourceRoadmapId: 'rm-1',
    targetRoadmapId: 'rm-2',
    dependencies: 1,
    closedAt: null,
    items: ['a-1', 'a-2', 'm-1'].map((id) => ({
      itemType: id.startsWith('a') ? 'action' : 'milestone',
      sourceId: id,
      copyId: applied ? `copy-${id}` : null,
      title: id,
      functionCode: 'ethique',
      phase: { id: 'p', code: 'pre-electorale', name: 'Pré-électorale' },
      from: { start: '2024-03-01', due: '2024-06-01' },
      to: { start: '2031-03-01', due: '2031-06-01' },
      shifted: id === 'a-1',
      clamped: false,
    })),
  });

  it('groups the unfinished items by function, in the functions’ order', () => {
    const groups = carryGroups(
      [juridique, ethique],
      [...actions, anAction({ id: 'a-4', functionId: 'fn-ethique', status: 'terminee' })],
      milestones,
    );
    expect(groups.map((g) => [g.fn.code, g.items.map((i) => i.key)])).toEqual([
      ['ethique', ['action:a-1', 'action:a-2', 'milestone:m-1']],
      ['juridique', ['action:a-3']],
    ]);
  });

  it('offers only the other open roadmaps as targets', async () => {
    await open();
    const options = Array.from(byId<HTMLSelectElement>('reprise-targetRoadmapId').options).map((o) => o.value);
    expect(options).toEqual(['', 'rm-2']);
  });

  it('ticks a whole function, checks where the copies fall, then carries them over and closes the mandate', async () => {
    await open();
    await choose('rm-2');
    await click(byId('reprise-tout-ethique'));
    expect(byId<HTMLInputElement>('reprise-action:a-2').checked).toBe(true);
    expect(byId<HTMLInputElement>('reprise-action:a-3').checked).toBe(false);
    await click(byId('reprise-close'));
    await submit();
    const check = http.expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/carry-over?dryRun=true' });
    expect(check.request.body).toEqual({ targetRoadmapId: 'rm-2', actionIds: ['a-1', 'a-2'], milestoneIds: ['m-1'], close: true });
    check.flush(view(false));
    await fixture.whenStable();
    expect(text(page.querySelector('[data-testid="carry-summary"]'))).toContain('3 éléments seraient repris.');
    expect(text(page.querySelector('[data-testid="carry-summary"]'))).toContain('a-1');

    await click(button('Reprendre 3 éléments'));
    http
      .expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/carry-over?dryRun=false' })
      .flush({ ...view(true), closedAt: '2024-05-01T08:00:00.000Z' });
    await fixture.whenStable();
    http.expectOne('/api/roadmaps').flush([{ ...source, closedAt: '2024-05-01T08:00:00.000Z' }, next]);
    http.expectOne('/api/roadmaps/rm-1/functions').flush([juridique, ethique]);
    http.expectOne('/api/roadmaps/rm-1/actions?status=a_lancer,en_cours,bloquee').flush(actions);
    http.expectOne('/api/roadmaps/rm-1/milestones?achieved=false').flush(milestones);
    await fixture.whenStable();
    expect(text(page.querySelector('[data-testid="carried"]'))).toContain('3 éléments repris dans la feuille de route suivante.');
    expect(page.querySelector('[data-testid="carried"] a')?.getAttribute('href')).toBe('/r/brest-2032-2038');
    expect(page.querySelector('[data-testid="closed"]')).not.toBeNull();
  });

  it('asks for a target before anything, and shows the API’s refusal', async () => {
    await open();
    await click(byId('reprise-action:a-3'));
    await submit();
    http.expectNone({ method: 'POST' });
    expect(byId('reprise-targetRoadmapId').getAttribute('aria-invalid')).toBe('true');
    await choose('rm-2');
    await submit();
    http
      .expectOne({ method: 'POST', url: '/api/roadmaps/rm-1/carry-over?dryRun=true' })
      .flush(...ruleBroken('actionIds', 'Actions terminées ou abandonnées, à ne pas reprendre : « Conventions ».'));
    await fixture.whenStable();
    expect(text(page)).toContain('à ne pas reprendre : « Conventions »');
  });
});
