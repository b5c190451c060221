import { chronogramOf, chronogramWire } from '@jalons/contract';
import type { ChronogramActionView, ChronogramMilestoneView, ChronogramView, ChronogramWire } from '@jalons/contract';

import { wireBytes } from '../src/app/chronogram/wire-bytes';

/*
 * The chronogram's body is written a piece at a time (wire-bytes.ts, for speed): the bytes must be
 * exactly those of `JSON.stringify` — same keys in the same order, same escapes, same UTF-8 — whatever
 * the text holds (accents, a typographic apostrophe, an en dash, an emoji, quotes and line breaks).
 */
const fn1 = '51c00000-0000-4000-8000-000000000001';
const fn2 = '51c00000-0000-4000-8000-000000000002';
const ph1 = '0d7a0000-0000-4000-8000-000000000001';

function bar(i: number, functionId: string, title: string): ChronogramActionView {
  return {
    functionId,
    phaseId: ph1,
    id: `9b2e0000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    title,
    volet: i % 2 ? 'Volet « accueil »' : null,
    start: '2026-04-01',
    due: '2026-06-30',
    status: 'en_cours',
    progress: i * 7,
    ownerId: null,
    predecessorIds: i > 0 ? [`9b2e0000-0000-4000-8000-${String(i - 1).padStart(12, '0')}`] : [],
    version: 1,
    provenance: i === 2 ? { kind: 'etude', reference: 'Guide p. 12' } : null,
  } as ChronogramActionView;
}

function viewOf(bars: ChronogramActionView[], withBaseline: boolean): ChronogramView {
  const milestone = {
    functionId: fn2,
    phaseId: ph1,
    id: 'e3d90000-0000-4000-8000-000000000001',
    title: 'Médiateur en poste — “enfin” ✅',
    date: '2026-07-01',
    achievedOn: null,
    ownerId: null,
    version: 1,
    provenance: null,
    state: 'upcoming',
  } as ChronogramMilestoneView;
  const view = {
    roadmap: { id: 'r', slug: 'brest', mandateLabel: 'Mandat 2026–2032', phases: [], undefinedField: undefined },
    functions: [{ id: fn1, name: 'Médiation d’accueil', description: 'ligne 1\nligne 2\t"citée"\\' }],
    actions: bars,
    milestones: [milestone],
    dependencies: [],
    persons: [{ id: 'p', name: 'Anne Le Gall', email: 'anne@brest.example' }],
  } as unknown as ChronogramView;
  if (withBaseline) view.baseline = { id: 'b', number: 1, label: 'Référence n° 1', decision: null, items: [] };
  return view;
}

describe('wireBytes: the chronogram body written in pieces', () => {
  const titles = ['Recruter un médiateur', 'Former l’équipe – vague 2', 'Plain ASCII', 'Émoji 🚀 et guillemets "doubles"'];
  const cases: Array<[string, ChronogramWire]> = [
    [
      'bars in several groups',
      chronogramWire(
        viewOf(
          [0, 1, 2, 3].map((i) => bar(i, i < 2 ? fn1 : fn2, titles[i])),
          false,
        ),
      ),
    ],
    ['with a baseline', chronogramWire(viewOf([bar(0, fn1, titles[1])], true))],
    ['no bar at all', chronogramWire(viewOf([], false))],
  ];

  it.each(cases)('gives the very bytes of JSON.stringify: %s', (_, wire) => {
    const bytes = wireBytes(wire);
    expect(bytes.equals(Buffer.from(JSON.stringify(wire), 'utf8'))).toBe(true);
  });

  it('reads back as the view it was written from', () => {
    const view = viewOf(
      [0, 1, 2, 3].map((i) => bar(i, i < 2 ? fn1 : fn2, titles[i])),
      true,
    );
    const read = chronogramOf(JSON.parse(wireBytes(chronogramWire(view)).toString('utf8')) as ChronogramWire);
    expect(read.actions.map((a) => a.title)).toEqual(titles);
    expect(read.milestones[0].title).toBe('Médiateur en poste — “enfin” ✅');
    expect(read.baseline?.label).toBe('Référence n° 1');
    expect(read.dependencies).toHaveLength(3);
  });
});
