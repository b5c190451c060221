import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { compareText, formatList, formatNumber } from './format';
import { LOCALES } from './i18n';
import type { Lang } from './i18n';

/** A seeded generator: the same values on every run, many magnitudes and signs. */
function values(count: number): number[] {
  let seed = 42;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const edges = [
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    2.5,
    -2.5,
    0.05,
    0.005,
    0.125,
    1.005,
    999.995,
    999,
    1000,
    9999.95,
    12345.678,
    999999.999,
    1e14 + 0.5,
  ];
  const random = Array.from({ length: count }, () => (next() - 0.5) * 10 ** Math.floor(next() * 15));
  return [...edges, ...random, ...random.map((v) => Math.round(v * 100) / 100)];
}

describe('formatNumber, written as Intl.NumberFormat writes it', () => {
  for (const lang of ['fr', 'en'] as Lang[]) {
    for (const decimals of [0, 1, 2]) {
      it(`gives Intl's text in ${lang} with at most ${decimals} decimal(s)`, () => {
        const intl = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: decimals });
        const differ = values(3000)
          .map((v) => ({ v, ours: formatNumber(v, lang, decimals), intl: intl.format(v) }))
          .filter((r) => r.ours !== r.intl);
        expect(differ).toEqual([]);
      });
    }
  }

  it('groups thousands with a narrow no-break space and a decimal comma in French', () => {
    expect(formatNumber(1234567.891, 'fr', 2)).toBe('1\u202f234\u202f567,89');
    expect(formatNumber(1234567.891, 'en', 1)).toBe('1,234,567.9');
    expect(formatNumber(2.5, 'fr', 0)).toBe('3');
  });

  it('leaves what it cannot write plainly to Intl', () => {
    expect(formatNumber(1e21, 'fr', 0)).toBe(new Intl.NumberFormat('fr-FR').format(1e21));
    expect(formatNumber(Number.NaN, 'en', 2)).toBe('NaN');
  });
});

describe('formatList, written as Intl.ListFormat writes it', () => {
  it.each([[[] as string[]], [['15/03/2026']], [['15/03/2026', '22/03/2026']], [['a', 'b', 'c']], [['a', 'b', 'c', 'd']]])(
    'joins %j as Intl does in both languages',
    (items) => {
      for (const lang of ['fr', 'en'] as Lang[]) {
        expect(formatList(items, lang)).toBe(new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).format(items));
      }
    },
  );
});

describe('compareText, the French alphabetical order of titles', () => {
  /** every title and name of the kit and of Brest's roadmap: the texts the app sorts */
  function titles(): string[] {
    const found = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'title' || key === 'name') && typeof value === 'string') found.add(value);
          else walk(value);
        }
      }
    };
    const seeds = join(__dirname, '../../../../seeds');
    walk(JSON.parse(readFileSync(join(seeds, 'kit/incubation-kit.json'), 'utf8')));
    walk(JSON.parse(readFileSync(join(seeds, 'roadmaps/brest-2026-2032.json'), 'utf8')));
    return [...found, 'élan', 'Elan', 'elan', 'Écrire', 'école', 'Zèbre', 'zèbre', 'a', 'A', 'à', 'Action 2', 'Action 10'];
  }

  it('orders every pair of the kit’s and Brest’s titles as Intl.Collator("fr") does', () => {
    const all = titles();
    expect(all.length).toBeGreaterThan(150);
    const collator = new Intl.Collator('fr');
    const differ: string[][] = [];
    for (const a of all) for (const b of all) if (Math.sign(compareText(a, b)) !== Math.sign(collator.compare(a, b))) differ.push([a, b]);
    expect(differ).toEqual([]);
  });
});
