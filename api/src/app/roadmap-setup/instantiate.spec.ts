import { join } from 'node:path';

import { checkPhases, PHASE_CODES } from '@jalons/domain';

import { instantiate } from './instantiate';
import { newRoadmapFile, slugify } from './new-roadmap';
import { BREST_FILE, KIT_FILE, loadKit, loadRoadmapFile } from './seed-files';

const SEEDS = join(__dirname, '../../../../seeds');
const kit = loadKit(KIT_FILE(SEEDS));

describe('placing the kit on a roadmap calendar', () => {
  const plan = instantiate(kit, loadRoadmapFile(BREST_FILE(SEEDS), kit));

  it('turns relative months into days inside each phase', () => {
    const post = plan.phases.find((p) => p.code === 'post-electorale')!;
    expect(post).toMatchObject({ start: '2026-03-23', end: '2026-12-31' });
    for (const fn of kit.functions) {
      for (const a of fn.actions) {
        const placed = plan.actions.find((x) => x.kitKey === a.key)!;
        const phase = plan.phases.find((p) => p.code === a.phase)!;
        expect(placed.phaseId).toBe(phase.id);
        expect(placed.start >= phase.start && placed.due <= phase.end && placed.start <= placed.due).toBe(true);
      }
    }
    // "months 1 to 1" of the post-electoral phase: from its first day to the day before the same date a month later
    const first = kit.functions.flatMap((f) => f.actions).find((a) => a.phase === 'post-electorale' && a.months[0] === 1)!;
    expect(plan.actions.find((x) => x.kitKey === first.key)!.start).toBe('2026-03-23');
  });

  it('keeps every kit item, every dependency, and the statuses of the roadmap file', () => {
    expect(plan.actions).toHaveLength(kit.functions.flatMap((f) => f.actions).length);
    expect(plan.milestones).toHaveLength(kit.functions.flatMap((f) => f.milestones).length);
    expect(plan.dependencies).toHaveLength(kit.functions.flatMap((f) => f.actions.flatMap((a) => a.predecessors ?? [])).length);
    expect(new Set(plan.actions.map((a) => a.status))).toEqual(new Set(['a_lancer', 'en_cours', 'bloquee', 'terminee', 'abandonnee']));
  });

  it('builds a roadmap for another territory from the election date alone', () => {
    const file = newRoadmapFile(kit, 'Ville de Quimper', '2032-03-14');
    expect(file).toMatchObject({ slug: 'ville-de-quimper-2032-2038', mandateLabel: 'Mandat 2032–2038', nextElectionDate: '2038-03-14' });
    const q = instantiate(kit, file);
    expect(q.phases.map((p) => p.code)).toEqual([...PHASE_CODES]);
    expect(checkPhases({ start: q.roadmap.start, end: q.roadmap.end }, q.phases)).toEqual([]);
    expect(q.phases[0].start).toBe('2031-03-14');
    expect(q.phases[1].start).toBe('2032-03-14');
    expect(q.roadmap.end).toBe('2038-03-13');
    expect(q.actions.every((a) => a.status === 'a_lancer' && a.ownerEmail === null)).toBe(true);
  });

  it('makes readable slugs', () => {
    expect(slugify('Métropole de Brest 2026 2032')).toBe('metropole-de-brest-2026-2032');
  });
});
