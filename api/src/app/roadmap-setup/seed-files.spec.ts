import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BREST_FILE, KIT_FILE, loadKit, loadRoadmapFile, SeedFileError } from './seed-files';
import type { KitFile } from './seed-files';

const SEEDS = join(__dirname, '../../../../seeds');

/** A copy of the kit folder with the kit file edited, to check what the loader refuses. */
function editedKit(edit: (kit: KitFile & Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'jalons-kit-'));
  copyFileSync(join(SEEDS, 'kit', 'kit.schema.json'), join(dir, 'kit.schema.json'));
  const kit = JSON.parse(readFileSync(KIT_FILE(SEEDS), 'utf8'));
  edit(kit);
  const file = join(dir, 'incubation-kit.json');
  writeFileSync(file, JSON.stringify(kit));
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

describe('the kit and roadmap seed files', () => {
  it('loads the kit: the central function with its three volets, the ten functions in their families, each in the four phases', () => {
    const kit = loadKit(KIT_FILE(SEEDS));
    expect(kit.phases.map((p) => p.code)).toEqual(['pre-electorale', 'post-electorale', 'emergence', 'maturation']);
    const [central, ...ten] = kit.functions;
    expect(central).toMatchObject({ code: 'centrale', central: true });
    expect(central.volets?.map((v) => v.code)).toEqual(['strategique', 'metiers', 'technique']);
    expect(ten.map((f) => [f.family, f.code])).toEqual([
      ['socle', 'ethique'],
      ['socle', 'juridique'],
      ['ressources', 'organisation'],
      ['ressources', 'financiere'],
      ['ressources', 'competences'],
      ['ecosysteme', 'mediation'],
      ['ecosysteme', 'communication'],
      ['ecosysteme', 'cooperation'],
      ['anticipation', 'innovation'],
      ['anticipation', 'prospective'],
    ]);
    for (const f of kit.functions) expect(new Set([...f.actions, ...f.milestones].map((i) => i.phase)).size).toBe(4);
    expect(kit.functions.flatMap((f) => f.actions).length).toBeGreaterThanOrEqual(45);
    expect(kit.functions.flatMap((f) => f.milestones).length).toBeGreaterThanOrEqual(15);
  });

  it('loads the Brest roadmap file against the kit', () => {
    const rm = loadRoadmapFile(BREST_FILE(SEEDS), loadKit(KIT_FILE(SEEDS)));
    expect(rm).toMatchObject({ slug: 'brest-2026-2032', electionDates: ['2026-03-15', '2026-03-22'] });
  });

  it('refuses a schema violation, naming the file, the path inside it and the problem', () => {
    const file = editedKit((k) => {
      delete (k.functions[2].actions[1] as Partial<KitFile['functions'][0]['actions'][0]>).title;
      (k.functions[0] as unknown as Record<string, unknown>)['colour'] = 'red';
    });
    const e = refusal(() => loadKit(file));
    expect(e.file).toBe(file);
    expect(e.problems).toEqual(
      expect.arrayContaining([
        { path: '/functions/2/actions/1', problem: `must have required property 'title' (item "${'juridique.conforter-dpo'}")` },
        { path: '/functions/0', problem: 'unknown property "colour"' },
      ]),
    );
    expect(e.message).toContain(file);
  });

  it('refuses an unknown predecessor and a dependency cycle', () => {
    const unknown = editedKit((k) => {
      k.functions[1].actions[0].predecessors = ['ethique.nulle-part'];
    });
    expect(refusal(() => loadKit(unknown)).problems).toEqual([
      { path: '/functions/1/actions/0/predecessors/0', problem: 'unknown action "ethique.nulle-part"' },
    ]);
    const cyclic = editedKit((k) => {
      const [a, b] = k.functions[3].actions;
      a.predecessors = [b.key];
      b.predecessors = [a.key];
    });
    const e = refusal(() => loadKit(cyclic));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0].problem).toMatch(/^dependency cycle: /);
  });

  it('refuses months beyond the phase and a duplicate key', () => {
    const file = editedKit((k) => {
      k.functions[4].actions[0].phase = 'post-electorale';
      k.functions[4].actions[0].months = [8, 10];
      k.functions[5].milestones[0].key = k.functions[5].actions[0].key;
    });
    const problems = refusal(() => loadKit(file)).problems.map((p) => p.problem);
    expect(problems).toEqual(
      expect.arrayContaining([
        'months beyond the phase "post-electorale" (9 months at most)',
        `key "${JSON.parse(readFileSync(KIT_FILE(SEEDS), 'utf8')).functions[5].actions[0].key}" is used twice`,
      ]),
    );
  });

  it('refuses a function without an action or a milestone in one of the four phases, naming both', () => {
    const file = editedKit((k) => {
      const mediation = k.functions.find((f) => f.code === 'mediation')!;
      mediation.actions = mediation.actions.filter((a) => a.phase !== 'maturation');
      mediation.milestones = mediation.milestones.filter((m) => m.phase !== 'maturation');
      const ethique = k.functions.find((f) => f.code === 'ethique')!;
      for (const item of [...ethique.actions, ...ethique.milestones]) if (item.phase === 'pre-electorale') item.phase = 'emergence';
    });
    const at = (code: string) =>
      `/functions/${JSON.parse(readFileSync(KIT_FILE(SEEDS), 'utf8')).functions.findIndex((f: { code: string }) => f.code === code)}`;
    expect(refusal(() => loadKit(file)).problems).toEqual([
      {
        path: at('ethique'),
        problem: 'la fonction « Éthique » (ethique) n’a ni action ni jalon dans la phase « Incubation pré-électorale » (pre-electorale)',
      },
      {
        path: at('mediation'),
        problem: 'la fonction « Médiation » (mediation) n’a ni action ni jalon dans la phase « Phase de maturation » (maturation)',
      },
    ]);
  });

  it('refuses an item without a provenance, and a practice without its reference, naming the item', () => {
    const file = editedKit((k) => {
      delete (k.functions[0].actions[1] as Partial<KitFile['functions'][0]['actions'][0]>).provenance;
      const practice = k.functions[1].actions.find((a) => a.provenance === 'pratique')!;
      delete practice.reference;
      k.functions[2].milestones[0].provenance = 'rumeur' as never;
    });
    const kit = JSON.parse(readFileSync(KIT_FILE(SEEDS), 'utf8')) as KitFile;
    const practice = kit.functions[1].actions.findIndex((a) => a.provenance === 'pratique');
    expect(refusal(() => loadKit(file)).problems).toEqual([
      {
        path: '/functions/0/actions/1',
        problem: `l’élément « ${kit.functions[0].actions[1].key} » n’a pas de provenance (etude, pratique ou exemple)`,
      },
      {
        path: `/functions/1/actions/${practice}`,
        problem: `l’élément « ${kit.functions[1].actions[practice].key} » est une pratique d’un territoire : sa référence (reference) manque`,
      },
      {
        path: '/functions/2/milestones/0/provenance',
        problem: `must be equal to one of the allowed values (etude, pratique, exemple) (item "${kit.functions[2].milestones[0].key}")`,
      },
    ]);
  });

  it('gives every phase its purpose, and every practice of the shipped kit its reference', () => {
    const kit = loadKit(KIT_FILE(SEEDS));
    for (const p of kit.phases) expect(p.purpose.length).toBeGreaterThan(40);
    const items = kit.functions.flatMap((f) => [...f.actions, ...f.milestones]);
    expect(items.filter((i) => i.provenance === 'pratique' && !i.reference)).toEqual([]);
    // the study's own mission: the diagnostic, the co-constructed prognosis and the scenarios
    const byKey = new Map(items.map((i) => [i.key, i]));
    for (const key of ['centrale.diagnostic-acteurs', 'centrale.atelier-co-construction', 'prospective.scenarios-anticipation'])
      expect(byKey.get(key)).toMatchObject({ phase: 'pre-electorale', provenance: 'etude' });
  });

  it('runs the acculturation beside the diagnostic, not before it', () => {
    const kit = loadKit(KIT_FILE(SEEDS));
    const actions = new Map(kit.functions.flatMap((f) => f.actions).map((a) => [a.key, a]));
    const acculturation = actions.get('centrale.acculturer-direction-generale')!;
    const diagnostic = actions.get('centrale.diagnostic-acteurs')!;
    expect(diagnostic.predecessors ?? []).not.toContain(acculturation.key);
    expect(acculturation.phase).toBe(diagnostic.phase);
    // overlapping months
    expect(acculturation.months[0]).toBeLessThanOrEqual(diagnostic.months[1]);
    expect(diagnostic.months[0]).toBeLessThanOrEqual(acculturation.months[1]);
  });

  it('refuses a file that is not JSON, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jalons-kit-'));
    const file = join(dir, 'incubation-kit.json');
    writeFileSync(file, '{ "code": ');
    const e = refusal(() => loadKit(file));
    expect(e.problems[0].problem).toMatch(/^is not valid JSON/);
    expect(e.message.startsWith(file)).toBe(true);
  });

  it('refuses a roadmap naming unknown items and persons', () => {
    const kit = loadKit(KIT_FILE(SEEDS));
    const dir = mkdtempSync(join(tmpdir(), 'jalons-rm-'));
    copyFileSync(join(SEEDS, 'roadmaps', 'roadmap.schema.json'), join(dir, 'roadmap.schema.json'));
    const rm = JSON.parse(readFileSync(BREST_FILE(SEEDS), 'utf8'));
    rm.items['centrale.inexistante'] = { status: 'en_cours', progress: 10 };
    rm.functionOwners.ethique = 'personne';
    const file = join(dir, 'x.json');
    writeFileSync(file, JSON.stringify(rm));
    expect(refusal(() => loadRoadmapFile(file, kit)).problems).toEqual(
      expect.arrayContaining([
        { path: '/items/centrale.inexistante', problem: 'no action "centrale.inexistante" in the kit' },
        { path: '/functionOwners/ethique', problem: 'unknown person "personne"' },
      ]),
    );
  });
});
