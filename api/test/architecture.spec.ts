import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { houseViolations, importsOf } from './architecture/feature-imports';

const SRC = join(__dirname, '..', 'src');

/** A throw-away api/src with the given files. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'jalons-house-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the API house (docs/architecture.md)', () => {
  it('reads the imports of api/src (the check sees the features and their links)', () => {
    const edges = importsOf(SRC);
    const between = new Set(edges.filter((e) => e.fromArea !== e.toArea).map((e) => `${e.fromArea} → ${e.toArea}`));
    expect(between).toContain('app/actions → app/roadmaps');
    expect(between).toContain('app/chronogram → app/roadmaps');
    expect(between).toContain('app/roadmaps → app/accounts');
  });

  it('has features that use each other through their index.ts only, without a cycle, above infra and below seed and cli', () => {
    expect(houseViolations(SRC)).toEqual([]);
  });

  describe('the check fails when a rule is broken', () => {
    const roots: string[] = [];
    const build = (files: Record<string, string>) => {
      const root = tree(files);
      roots.push(root);
      return root;
    };
    afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

    it('names an import that reaches inside another feature', () => {
      const root = build({
        'app/a/index.ts': `export { A } from './a.service';`,
        'app/a/a.service.ts': `export class A {}`,
        'app/b/b.service.ts': `import { A } from '../a/a.service';\nexport class B {}`,
      });
      expect(houseViolations(root)).toEqual([
        'app/b/b.service.ts imports app/a/a.service.ts: another feature is used through its index.ts only',
      ]);
    });

    it('names a cycle between features, even through their index.ts', () => {
      const root = build({
        'app/a/index.ts': `export { A } from './a.service';`,
        'app/a/a.service.ts': `import { B } from '../b';\nexport class A {}`,
        'app/b/index.ts': `export { B } from './b.service';`,
        'app/b/b.service.ts': `import { A } from '../a';\nexport class B {}`,
      });
      expect(houseViolations(root)).toEqual(['import cycle between app/a → app/b → app/a']);
    });

    it('names infrastructure that reaches up into a feature, and a feature that uses the seed', () => {
      const root = build({
        'infra/db.ts': `import { A } from '../app/a';`,
        'app/a/index.ts': `import { seed } from '../../seed/seeder';\nexport class A {}`,
        'seed/seeder.ts': `export const seed = 1;`,
      });
      expect(houseViolations(root).sort()).toEqual([
        'app/a/index.ts imports seed/seeder.ts: the HTTP app does not use seed/',
        'infra/db.ts imports app/a/index.ts: infra/ sits below the features',
      ]);
    });
  });
});
