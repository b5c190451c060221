import type { SweepPattern } from './privacy.queries';

/** Under this length a name is not looked for inside free text ("Al" is in "Alain", "Val", "total"): only whole values. */
export const MIN_SWEPT_NAME_LENGTH = 3;

/**
 * Characters that continue a word around a name: letters (Latin with accents), digits, `_` and the
 * hyphen of compound names — "Marie Martin" is not replaced inside "Anne-Marie Martin". Written out
 * rather than `\m`/`[[:alpha:]]`, which depend on the database's locale (accented letters are not
 * letters under the C locale).
 */
const WORD = 'A-Za-z0-9_À-ÖØ-öø-ɏ-';

/** A text matched literally by PostgreSQL's regular expressions: ASCII punctuation escaped (`\` before a non-alphanumeric is literal). */
export function literal(text: string): string {
  return [...text].map((ch) => (/[A-Za-z0-9 ]/.test(ch) || ch.charCodeAt(0) > 127 ? ch : `\\${ch}`)).join('');
}

/** How a text is written inside a JSON document's text (quotes, backslashes, control characters escaped). */
export function inJson(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** How the e-mails (mail.service.ts, digest.ts) write a text in their HTML body: « Anne d'Arvor » is « Anne d&#39;Arvor » there. */
export function inHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]);
}

/**
 * The patterns an anonymisation replaces, for a plain text column (`json: false`) or inside a JSON
 * document's text: the name exactly, as a whole word sequence — or, shorter than three characters,
 * only as a whole value (a JSON string equal to it); the e-mail case-insensitively, not inside a longer address.
 */
export function anonymisationPatterns(person: { name: string; email: string }, json: boolean): SweepPattern[] {
  const enc = (t: string) => literal(json ? inJson(t) : t);
  const name = person.name.trim();
  const patterns: SweepPattern[] = [];
  // each as written, and as an e-mail's HTML body writes it when that differs (an apostrophe, an ampersand)
  for (const n of new Set([name, inHtml(name)])) {
    if (name.length >= MIN_SWEPT_NAME_LENGTH) patterns.push({ regex: `(?<![${WORD}])${enc(n)}(?![${WORD}])`, flags: 'g' });
    else if (name.length) patterns.push({ regex: json ? `(?<=")${enc(n)}(?=")` : `^${enc(n)}$`, flags: 'g' });
  }
  for (const e of new Set([person.email, inHtml(person.email)])) {
    patterns.push({ regex: `(?<![A-Za-z0-9._%+-])${enc(e)}(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`, flags: 'gi' });
  }
  return patterns;
}
