import { rollUp } from '@jalons/domain';
import type { ChronogramView, SCurveView } from '@jalons/contract';
import { XmlDocument } from 'xmldoc';

import { actorsMapSvg, latestAchieved, sCurveSvg } from './report-charts';
import { formatDay, formatPercent } from './report-labels';
import { achievedItems, capped, lateItems, nextQuarter, overview, slips } from './report-sections';

/* What each section of the report holds, decided on a small hand-made chronogram view (no database). */

const AT = '2026-12-31';
const empty = rollUp([], AT);
const fn = (id: string, name: string) => ({ id, name, owner: null, rollUp: empty, milestones: { total: 0, achieved: 0, late: 0 } });
const action = (id: string, title: string, due: string, status: string, progress = 0) => ({
  id,
  title,
  functionId: 'f1',
  phaseId: 'p2',
  start: '2026-01-01',
  due,
  status,
  progress,
  ownerId: 'u1',
});
const milestone = (id: string, title: string, date: string, achievedOn: string | null, state: string) => ({
  id,
  title,
  functionId: 'f2',
  phaseId: 'p2',
  date,
  achievedOn,
  state,
  ownerId: null,
});

const view = {
  roadmap: {
    id: 'r',
    slug: 'brest',
    territory: 'Brest',
    mandateLabel: 'Mandat 2026–2032',
    start: '2025-03-01',
    end: '2032-03-14',
    projectLead: { id: 'u1', name: 'Camille' },
    currentPhaseId: 'p2',
    rollUp: { ...empty, progress: 50, expected: 55, health: 'on_track' },
    phases: [
      { id: 'p1', name: 'Avant', start: '2025-03-01', end: '2026-03-22', rollUp: empty, milestones: { total: 0, achieved: 0, late: 0 } },
      {
        id: 'p2',
        name: 'Après',
        start: '2026-03-23',
        end: '2026-12-31',
        rollUp: { ...empty, count: 4, progress: 40, expected: 70, health: 'late' },
        milestones: { total: 0, achieved: 0, late: 0 },
      },
    ],
  },
  functions: [fn('f1', 'Centrale'), fn('f2', 'Éthique')],
  actions: [
    action('a1', 'Désigner les référents', '2026-10-22', 'en_cours', 70),
    action('a2', 'Abandonnée en retard', '2026-05-01', 'abandonnee'),
    action('a3', 'Terminée', '2026-05-01', 'terminee', 100),
    action('a4', 'Échue le jour même', '2026-12-31', 'a_lancer'),
    action('a5', 'Bloquée depuis longtemps', '2026-04-01', 'bloquee', 10),
  ],
  milestones: [
    milestone('m1', 'Registre à jour', '2026-11-22', null, 'late'),
    milestone('m2', 'Jury constitué', '2026-10-01', '2026-12-20', 'achieved'),
    milestone('m3', 'Comité installé', '2027-01-15', null, 'upcoming'),
    milestone('m4', 'Trop loin', '2027-04-01', null, 'upcoming'),
  ],
  persons: [{ id: 'u1', name: 'Camille' }],
} as unknown as ChronogramView;

describe('the report’s sections', () => {
  it('the headline is the worse of the mandate and the current phase, which then drives it (ADR 0018)', () => {
    const o = overview(view);
    expect(o.headline).toEqual(expect.objectContaining({ health: 'late', drivenBy: 'currentPhase' }));
    expect(o.headline.currentPhase?.name).toBe('Après');
    expect(o.phases.map((p) => [p.name, p.current])).toEqual([
      ['Avant', false],
      ['Après', true],
    ]);
    expect(o.roadmap.projectLead).toBe('Camille');
  });

  it('late: actions past due and not done or abandoned, milestones past their date and not achieved, oldest first', () => {
    expect(lateItems(view, AT).map((i) => [i.title, i.daysLate, i.functionName, i.owner])).toEqual([
      ['Bloquée depuis longtemps', 274, 'Centrale', 'Camille'],
      ['Désigner les référents', 70, 'Centrale', 'Camille'],
      ['Registre à jour', 39, 'Éthique', null],
    ]);
  });

  it('achieved since: the actions the history says were done in the window and still are, the milestones achieved in it', () => {
    const done = [
      { id: 'a3', achieved_on: '2026-12-02' },
      { id: 'a1', achieved_on: '2026-12-10' }, // reopened since: not listed
    ];
    expect(achievedItems(view, '2026-12-01', AT, done).map((i) => [i.title, i.achievedOn])).toEqual([
      ['Jury constitué', '2026-12-20'],
      ['Terminée', '2026-12-02'],
    ]);
    expect(achievedItems(view, '2026-12-21', AT, [])).toEqual([]);
  });

  it('the next quarter: milestones after the day and up to three months later, counted when capped', () => {
    expect(nextQuarter(view, AT, 25)).toEqual(
      expect.objectContaining({ from: AT, until: '2027-03-31', total: 1, items: [expect.objectContaining({ title: 'Comité installé' })] }),
    );
    expect(capped([1, 2, 3], 2)).toEqual({ total: 3, items: [1, 2] });
  });

  it('slips: items moved against the baseline, the largest first, with the per-phase and per-function summaries', () => {
    const baseline = { id: 'b', number: 1, label: 'v1', decision: 'Délibération', roadmap_id: 'r' };
    const frozen = [
      { item_type: 'action', item_id: 'a1', function_id: 'f1', phase_id: 'p2', title: 'x', start: '2026-01-01', due: '2026-10-01' },
      { item_type: 'action', item_id: 'a5', function_id: 'f1', phase_id: 'p2', title: 'y', start: '2026-01-01', due: '2026-04-11' },
      { item_type: 'milestone', item_id: 'm3', function_id: 'f2', phase_id: 'p2', title: 'z', start: null, due: '2027-01-15' },
    ];
    const s = slips(view, baseline as never, frozen as never, 20);
    expect(s.items.items.map((i) => [i.title, i.slipDays])).toEqual([
      ['Désigner les référents', 21],
      ['Bloquée depuis longtemps', -10],
    ]);
    expect(s.functions.map((f) => [f.name, f.compared, f.slipped, f.totalDays, f.added])).toEqual([
      ['Centrale', 2, 1, 21, 3],
      ['Éthique', 1, 0, 0, 3],
    ]);
    expect(s.baseline).toEqual({ id: 'b', number: 1, label: 'v1', decision: 'Délibération' });
  });
});

describe('the report’s drawings and words', () => {
  const curve: SCurveView = {
    scope: 'roadmap',
    scopeId: null,
    name: 'Brest',
    baselineId: null,
    today: '2026-11-29',
    start: '2025-03-01',
    end: '2032-03-14',
    points: [
      { date: '2025-03-31', expected: 1, achieved: 0.5 },
      { date: '2026-11-29', expected: 27.8, achieved: 22.7 },
      { date: '2032-03-14', expected: 100, achieved: null },
    ],
  };

  it('draws well-formed SVG with its title and a summary of the latest figures', () => {
    const svg = new XmlDocument(sCurveSvg(curve, 'fr'));
    expect(svg.attr['role']).toBe('img');
    expect(svg.childNamed('title')?.val).toBe('Courbe en S : avancement prévu et réalisé');
    expect(svg.childNamed('desc')?.val).toBe('Au 29/11/2026 : réalisé 22,7 %, prévu 27,8 %.');
    expect(svg.childrenNamed('polyline')).toHaveLength(2);
    expect(latestAchieved(curve)).toEqual({ date: '2026-11-29', achieved: 22.7, expected: 27.8 });
    const map = new XmlDocument(
      actorsMapSvg(
        {
          on: '2026-12-31',
          matureFrom: 3,
          ambitiousFrom: 3,
          actors: [
            { name: 'DSIT', kind: 'direction', group: 'leaders', maturity: 5, ambition: 5 },
            { name: 'SIG', kind: 'direction', group: 'leaders', maturity: 5, ambition: 5 },
            { name: 'CCAS', kind: 'partenaire', group: 'peu-impliques', maturity: 1, ambition: 2 },
          ],
        },
        'en',
      ),
    );
    expect(map.childNamed('title')?.val).toBe('Actors’ map: maturity and ambition');
    expect(map.childrenNamed('circle')).toHaveLength(2);
    expect(
      map
        .childrenNamed('text')
        .filter((t) => t.attr['font-weight'] === 'bold')
        .map((t) => t.val),
    ).toEqual(['2', '1']);
  });

  it('writes days and percentages in the reader’s convention', () => {
    expect(formatDay('fr', '2026-12-31')).toBe('31/12/2026');
    expect(formatDay('en', '2026-12-31')).toBe('31 December 2026');
    expect(formatPercent('fr', 22.7)).toBe('22,7');
    expect(formatPercent('en', 100)).toBe('100');
  });
});
