import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/*
 * The house's rules for api/src, read from the code's own imports (docs/architecture.md):
 * - a feature (app/<feature>/) uses another only through that feature's index.ts;
 * - the features' graph has no cycle;
 * - infra/ and entities/ import nothing from app/, seed/ or cli/; features import nothing from seed/ or cli/.
 */

/** Where a file of api/src lives: `app/<feature>`, `app` (app.module), `infra`, `entities`, `seed`, `cli`, `migrations`, `root`. */
export function areaOf(srcRoot: string, file: string): string {
  const parts = relative(srcRoot, file).split(sep);
  if (parts[0] === 'app') return parts.length > 2 ? `app/${parts[1]}` : 'app';
  return parts.length > 1 ? parts[0] : 'root';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'/g;

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

export interface Edge {
  from: string;
  to: string;
  fromArea: string;
  toArea: string;
}

/** Every relative import between files of `srcRoot`, with the areas at both ends. */
export function importsOf(srcRoot: string): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(srcRoot)) {
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(file, m[1]);
      if (!target) continue;
      edges.push({ from: file, to: target, fromArea: areaOf(srcRoot, file), toArea: areaOf(srcRoot, target) });
    }
  }
  return edges;
}

/** A cycle in the graph of areas, as a path `a → b → … → a`, or null. */
export function findAreaCycle(edges: readonly Edge[]): string[] | null {
  const next = new Map<string, Set<string>>();
  for (const e of edges) if (e.fromArea !== e.toArea) next.set(e.fromArea, (next.get(e.fromArea) ?? new Set()).add(e.toArea));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (a: string): string[] | null => {
    if (state.get(a) === 'done') return null;
    if (state.get(a) === 'open') return [...path.slice(path.indexOf(a)), a];
    state.set(a, 'open');
    path.push(a);
    for (const b of next.get(a) ?? []) {
      const found = visit(b);
      if (found) return found;
    }
    path.pop();
    state.set(a, 'done');
    return null;
  };
  for (const a of next.keys()) {
    const found = visit(a);
    if (found) return found;
  }
  return null;
}

const BELOW_FEATURES = new Set(['infra', 'entities', 'migrations']);
const ABOVE_FEATURES = new Set(['seed', 'cli', 'root']);

/** What breaks the house's rules in `srcRoot`, one sentence each (empty: nothing). */
export function houseViolations(srcRoot: string): string[] {
  const edges = importsOf(srcRoot);
  const rel = (f: string) => relative(srcRoot, f);
  const problems: string[] = [];
  for (const e of edges) {
    if (e.fromArea === e.toArea) continue;
    const fromFeature = e.fromArea.startsWith('app/');
    const toFeature = e.toArea.startsWith('app/');
    if (fromFeature && toFeature && rel(e.to) !== join(e.toArea, 'index.ts')) {
      problems.push(`${rel(e.from)} imports ${rel(e.to)}: another feature is used through its index.ts only`);
    }
    if (BELOW_FEATURES.has(e.fromArea) && (e.toArea.startsWith('app') || ABOVE_FEATURES.has(e.toArea))) {
      problems.push(`${rel(e.from)} imports ${rel(e.to)}: ${e.fromArea}/ sits below the features`);
    }
    if (e.fromArea.startsWith('app') && ABOVE_FEATURES.has(e.toArea)) {
      problems.push(`${rel(e.from)} imports ${rel(e.to)}: the HTTP app does not use ${e.toArea === 'root' ? 'main.ts' : `${e.toArea}/`}`);
    }
  }
  const cycle = findAreaCycle(edges.filter((e) => e.fromArea !== 'app' && e.toArea !== 'app'));
  if (cycle) problems.push(`import cycle between ${cycle.join(' → ')}`);
  return problems;
}
