import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { indicatorHealth } from '@jalons/domain';

import { instantiate } from './instantiate';
import { registerProblems } from './register-seed';
import type { RegisterSeed } from './register-seed';
import { BREST_FILE, KIT_FILE, loadKit, loadRoadmapFile, SeedFileError } from './seed-files';
import type { RoadmapFile } from './seed-files';

const SEEDS = join(__dirname, '../../../../seeds');

/** Brest's file, edited, beside a copy of the roadmap schema. */
function editedBrest(edit: (rm: RoadmapFile) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'jalons-register-'));
  copyFileSync(join(SEEDS, 'roadmaps', 'roadmap.schema.json'), join(dir, 'roadmap.schema.json'));
  const rm = JSON.parse(readFileSync(BREST_FILE(SEEDS), 'utf8')) as RoadmapFile;
  edit(rm);
  const file = join(dir, 'brest-edited.json');
  writeFileSync(file, JSON.stringify(rm));
  return file;
}

function refusal(load: () => unknown): SeedFileError {
  try {
    load();
  } catch (e) {
    if (e instanceof SeedFileError) return e;
    throw e;
  }
  throw new Error('the file was accepted');
}

const kit = { actionKeys: new Set(['centrale.designer-referents-donnees']), functionCodes: new Set(['centrale', 'juridique']) };

describe('the register of a roadmap file (actors, action targets, indicators)', () => {
  it('loads Brest’s register into the plan: its actors, the actions they are targeted by and its indicators', () => {
    const k = loadKit(KIT_FILE(SEEDS));
    const plan = instantiate(k, loadRoadmapFile(BREST_FILE(SEEDS), k));
    const register = plan.register!;
    expect(register.actors.length).toBeGreaterThan(30);
    expect(register.actors.filter((a) => a.kind === 'expert').map((a) => a.name)).toEqual(
      expect.arrayContaining(['Rennes Métropole', 'Région Bretagne', 'Etalab', 'CNIL', 'Civiteo']),
    );
    expect(register.actionTargets['centrale.designer-referents-donnees']).toHaveLength(24);
    expect(Object.keys(register.indicators)).toEqual(expect.arrayContaining(['centrale', 'juridique', 'competences', 'communication']));
  });

  it('gives Brest’s indicators a story on 2026-11-29: 2 to 5 measurements each, the register off track, the mediators stale', () => {
    const rm = loadRoadmapFile(BREST_FILE(SEEDS), loadKit(KIT_FILE(SEEDS)));
    const health = new Map<string, string>();
    for (const list of Object.values(rm.indicators ?? {})) {
      for (const ind of list) {
        const measurements = ind.measurements ?? [];
        expect(measurements.length).toBeGreaterThanOrEqual(2);
        expect(measurements.length).toBeLessThanOrEqual(5);
        for (const m of measurements) expect(m.on <= '2026-11-29').toBe(true);
        health.set(ind.name, indicatorHealth(ind, measurements, '2026-11-29', 90));
      }
    }
    expect(health.get('Traitements inscrits au registre')).toBe('off-track');
    expect(health.get('Médiateurs numériques formés aux enjeux de la donnée')).toBe('stale');
    expect([...health.values()].filter((h) => h === 'off-track')).toHaveLength(1);
    expect([...health.values()].filter((h) => h === 'stale')).toHaveLength(1);
    expect([...health.values()].filter((h) => h === 'on-track').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses actors that break the schema, naming the file, the place and the problem', () => {
    const file = editedBrest((rm) => {
      rm.actors![0].kind = 'service' as never;
      rm.actors![1].assessments![0].maturity = 6;
      (rm.actors![2] as unknown as Record<string, unknown>)['couleur'] = 'rouge';
    });
    const e = refusal(() => loadRoadmapFile(file, loadKit(KIT_FILE(SEEDS))));
    expect(e.message.startsWith(file)).toBe(true);
    expect(e.problems).toEqual(
      expect.arrayContaining([
        { path: '/actors/0/kind', problem: 'must be equal to one of the allowed values (direction, operateur, partenaire, expert)' },
        { path: '/actors/1/assessments/0/maturity', problem: 'must be <= 5' },
        { path: '/actors/2', problem: 'unknown property "couleur"' },
      ]),
    );
  });

  it('refuses a target naming an unknown actor or action, and indicators under an unknown function', () => {
    const file = editedBrest((rm) => {
      rm.actionTargets!['centrale.designer-referents-donnees'].push('Direction des loisirs');
      rm.actionTargets!['centrale.nulle-part'] = [rm.actors![0].name];
      rm.indicators!['tourisme'] = rm.indicators!['centrale'];
    });
    const problems = refusal(() => loadRoadmapFile(file, loadKit(KIT_FILE(SEEDS)))).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: '/actionTargets/centrale.designer-referents-donnees/24', problem: 'unknown actor "Direction des loisirs"' },
        { path: '/actionTargets/centrale.nulle-part', problem: 'no action "centrale.nulle-part" in the kit' },
        { path: '/indicators/tourisme', problem: 'unknown function "tourisme"' },
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('refuses a name twice (whatever its case), two assessments or measurements a day, sensitive data that are not personal', () => {
    const file: RegisterSeed = {
      actors: [
        {
          name: 'Direction des finances',
          kind: 'direction',
          personalData: false,
          sensitiveData: true,
          assessments: [
            { on: '2025-10-15', maturity: 3, ambition: 4, assessedBy: 'Mission' },
            { on: '2025-10-15', maturity: 4, ambition: 4, assessedBy: 'Mission' },
          ],
        },
        { name: 'direction des FINANCES', kind: 'direction' },
      ],
      indicators: {
        juridique: [
          {
            name: 'Traitements inscrits au registre',
            unit: 'traitements',
            direction: 'up',
            baselineOn: '2026-01-01',
            baselineValue: 85,
            targetOn: '2026-12-31',
            targetValue: 160,
            measurements: [
              { on: '2025-12-31', value: 80 },
              { on: '2026-03-31', value: 92 },
              { on: '2026-03-31', value: 93 },
            ],
          },
        ],
      },
    };
    expect(registerProblems(file, kit)).toEqual([
      { path: '/actors/0/assessments/1/on', problem: 'a second entry on 2025-10-15 (one a day)' },
      { path: '/actors/0/sensitiveData', problem: 'sensitive data are personal data: personalData must be true' },
      { path: '/actors/1/name', problem: 'actor "direction des FINANCES" is listed twice' },
      { path: '/indicators/juridique/0/measurements/0/on', problem: 'a measurement before the baseline date' },
      { path: '/indicators/juridique/0/measurements/2/on', problem: 'a second entry on 2026-03-31 (one a day)' },
    ]);
  });

  it('refuses an indicator whose target is not after its baseline, or goes the wrong way', () => {
    const base = { name: 'Jeux publiés', unit: 'jeux', baselineOn: '2026-01-01', baselineValue: 10, targetOn: '2027-01-01' } as const;
    const problems = registerProblems(
      {
        indicators: {
          centrale: [
            { ...base, direction: 'up', targetValue: 5 },
            { ...base, direction: 'down', targetValue: 10, targetOn: '2026-01-01' },
            { ...base, direction: 'down', targetValue: 5 },
          ],
        },
      },
      kit,
    );
    expect(problems).toEqual([
      { path: '/indicators/centrale/0/targetValue', problem: 'the target must be above the baseline' },
      { path: '/indicators/centrale/1/targetOn', problem: 'the target date must come after the baseline date' },
      { path: '/indicators/centrale/1/targetValue', problem: 'the target must be below the baseline' },
    ]);
  });

  it('accepts a roadmap file without a register (a roadmap made from the kit alone)', () => {
    expect(registerProblems({}, kit)).toEqual([]);
  });
});
