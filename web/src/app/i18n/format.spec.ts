import { formatList, formatNumber } from './format';
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
