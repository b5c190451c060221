import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { instantiate } from './instantiate';
import { BREST_FILE, KIT_FILE, loadKit, loadRoadmapFile, SeedFileError } from './seed-files';
import type { RoadmapFile } from './seed-files';
import { governanceProblems } from './write-governance';
import type { GovernancePlan, SeedMeeting } from './write-governance';

const SEEDS = join(__dirname, '../../../../seeds');

/** Brest's file, edited, beside a copy of the roadmap schema. */
function editedBrest(edit: (rm: RoadmapFile) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'jalons-governance-'));
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

const refs = {
  actionKeys: new Set(['centrale.deliberation-principe']),
  milestoneKeys: new Set(['centrale.deliberation-votee']),
  personKeys: new Set(['lead', 'elu']),
};

describe('the governance of a roadmap file (instances, meetings, decisions)', () => {
  it('plans Brest’s three instances and its meetings, each person key resolved to its e-mail', () => {
    const kit = loadKit(KIT_FILE(SEEDS));
    const plan = instantiate(kit, loadRoadmapFile(BREST_FILE(SEEDS), kit));
    const g = plan.governance as GovernancePlan;
    expect(g.instances.map((i) => i.name)).toEqual(['Comité de pilotage', 'Comité technique', 'Instance éthique']);
    expect(g.meetings.map((m) => m.date)).toEqual(['2025-04-10', '2025-12-11', '2026-06-25', '2026-10-08', '2027-01-21']);
    const v1 = g.meetings.flatMap((m) => m.decisions ?? []).find((d) => d.kind === 'validation');
    expect(v1?.text).toContain('Délibération du conseil du 25/06/2026');
    expect(g.emails['elu']).toBe('yannick.kerherve@brest.example');
  });

  it('names each bad reference with its place in the file', () => {
    const problems = governanceProblems(
      {
        instances: [
          { key: 'copil', name: 'Comité de pilotage' },
          { key: 'copil', name: 'COMITÉ DE PILOTAGE' },
        ],
        meetings: [
          {
            instance: 'cotech',
            date: '2026-01-01',
            attendees: [{ person: 'lead' }, { person: 'inconnu' }, { name: 'Invitée' }],
            agenda: [
              { label: 'A', item: 'centrale.deliberation-principe' },
              { label: 'B', item: 'centrale.nulle-part' },
            ],
            decisions: [{ kind: 'budget', text: 'T', items: ['centrale.deliberation-votee', 'x.y'] }],
          },
        ],
      },
      refs,
    );
    expect(problems).toEqual([
      { path: '/instances/1/key', problem: 'instance key "copil" is used twice' },
      { path: '/instances/1/name', problem: 'instance "COMITÉ DE PILOTAGE" is listed twice' },
      { path: '/meetings/0/instance', problem: 'unknown instance "cotech"' },
      { path: '/meetings/0/attendees/1/person', problem: 'unknown person "inconnu"' },
      { path: '/meetings/0/agenda/1/item', problem: 'no action or milestone "centrale.nulle-part" in the kit' },
      { path: '/meetings/0/decisions/0/items/1', problem: 'no action or milestone "x.y" in the kit' },
    ]);
    expect(governanceProblems({}, refs)).toEqual([]);
  });

  it('refuses a Brest file whose meeting names an unknown instance or item, or a wrong kind, with a clear message', () => {
    const unknown = refusal(() =>
      loadRoadmapFile(
        editedBrest((rm) => {
          const meetings = rm.meetings as SeedMeeting[];
          meetings[0].instance = 'conseil';
          (meetings[1].agenda as Array<{ item?: string }>)[0].item = 'ethique.nulle-part';
        }),
        loadKit(KIT_FILE(SEEDS)),
      ),
    );
    expect(unknown.problems).toEqual([
      { path: '/meetings/0/instance', problem: 'unknown instance "conseil"' },
      { path: '/meetings/1/agenda/0/item', problem: 'no action or milestone "ethique.nulle-part" in the kit' },
    ]);
    const kind = refusal(() =>
      loadRoadmapFile(
        editedBrest((rm) => {
          ((rm.meetings as SeedMeeting[])[2].decisions as Array<{ kind: string }>)[0].kind = 'vote';
        }),
        loadKit(KIT_FILE(SEEDS)),
      ),
    );
    expect(kind.message).toContain('/meetings/2/decisions/0/kind');
  });
});
