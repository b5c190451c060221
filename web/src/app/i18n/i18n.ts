import type { Lang } from '@jalons/domain';
import { LANG_KEY, LANGS, langOf } from '@jalons/domain';
import { DOCUMENT } from '@angular/common';
import { Injectable, InjectionToken, PendingTasks, computed, inject, signal } from '@angular/core';

/**
 * The languages of the interface. French is the source language: a French text is its own key,
 * and the English dictionary (`en.ts`, French → English, loaded on first use) translates it.
 * How to use it: ./README.md
 */
export { LANGS, langOf };
export type { Lang };

/** Where the browser remembers the choice (localStorage), and the cookie that tells the server (ADR 0040). */
export const LANG_STORAGE_KEY = LANG_KEY;
/** The cookie's life: a year, renewed at each choice. */
const LANG_COOKIE_MAX_AGE = 365 * 24 * 3600;

/**
 * The language a server-drawn page is drawn in (ADR 0040): from the request (`?lang=`, else the `jalons.lang`
 * cookie). Given only when the server draws a page; in a browser the choice comes from localStorage.
 */
export const REQUESTED_LANG = new InjectionToken<Lang | null>('REQUESTED_LANG');

/** Dates and numbers: fr-FR, or British English (day before month, 24-hour clock). */
export const LOCALES: Readonly<Record<Lang, string>> = {
  fr: 'fr-FR',
  en: 'en-GB',
};

/** Values of a message's `{name}` placeholders; `n` also picks the plural form. */
export type Params = Readonly<Record<string, string | number>>;
/**
 * A French text (with its placeholders filled) in one language, which it names: the functions
 * that build sentences take one and format their dates and numbers for `lang` too.
 */
export type Translate = ((key: string, params?: Params) => string) & {
  readonly lang: Lang;
};
export type Dictionary = Readonly<Record<string, string>>;

/**
 * Marks a French text kept in a constant (a table of labels, a route title) and translated later,
 * where it is shown: it returns the text unchanged, and lets the missing-translation spec find it.
 */
export const tKey = (french: string): string => french;

const PLACEHOLDER = /\{(\w+)\}/g;
/**
 * Whether `n` takes the singular in `lang`, as `new Intl.PluralRules(locale).select(n) === 'one'`
 * answers, without Intl (the first Intl object of a page costs 20–120 ms in Chromium here, 4× on a
 * phone; issue 14). CLDR: French « one » when the integer part is 0 or 1 (0, 1, 1,5); English
 * « one » for 1 exactly. Checked against Intl in i18n.spec.ts.
 */
function pluralOne(lang: Lang, n: number): boolean {
  const whole = Math.trunc(Math.abs(n));
  return lang === 'fr' ? whole === 0 || whole === 1 : Math.abs(n) === 1;
}

/**
 * Fills a message's `{name}` placeholders. A message with a `|` is a plural, « singular|plural »
 * (« {n} jour|{n} jours »): the form is chosen by the `n` parameter and the language's rule
 * (French: 0 and 1 are singular; English: 1 only).
 */
export function formatMessage(message: string, lang: Lang, params?: Params): string {
  if (!params) return message;
  let text = message;
  const n = params['n'];
  if (typeof n === 'number' && text.includes('|')) {
    const [one, other] = text.split('|');
    text = pluralOne(lang, n) ? one : (other ?? one);
  }
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A French text in `lang`: its translation in `dictionary`, else the French text itself. Runs of
 * whitespace count as one space: Prettier wraps a long text of a template over several lines.
 */
export function translateWith(dictionary: Dictionary | null, lang: Lang, text: string, params?: Params): string {
  const key = text.includes('\n') ? text.replace(/\s+/g, ' ') : text;
  const message = (lang === 'fr' ? null : dictionary?.[key]) ?? key;
  return formatMessage(message, lang, params);
}

/** The translation of `lang` with `dictionary` (French: the texts as they are). */
export function translator(lang: Lang, dictionary: Dictionary | null): Translate {
  return Object.assign((key: string, params?: Params) => translateWith(dictionary, lang, key, params), { lang });
}

/** The French texts as they are: the default of the pure functions that build sentences. */
export const french: Translate = translator('fr', null);

/**
 * `t`, each text without parameters translated once: a table or a chart of 1,000 rows asks for the same dozen words.
 * For one build, then dropped — a cache inside the translator would keep every data text ever passed to it. A text
 * with parameters is formatted each time.
 */
export function translatedOnce(t: Translate): Translate {
  const done = new Map<string, string>();
  return Object.assign(
    (key: string, params?: Params) => {
      if (params) return t(key, params);
      let text = done.get(key);
      if (text === undefined) {
        text = t(key);
        done.set(key, text);
      }
      return text;
    },
    { lang: t.lang },
  );
}

/**
 * The language of the interface, chosen at run time (no build per language).
 *
 * `lang` is a signal: templates pass it to the `t` pipe (`{{ 'Vue du mandat' | t: lang() }}`), and
 * code that builds sentences reads `translate()` inside a `computed`, so OnPush views and derived
 * texts follow a switch. The English dictionary is fetched (a lazy chunk) before `lang` changes:
 * a view never mixes the two languages. The choice is kept in localStorage (`jalons.lang`) and
 * written on `<html lang>` for screen readers, spell checkers and hyphenation.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly requested = inject(REQUESTED_LANG, { optional: true });
  private readonly current = signal<Lang>('fr');
  /** French → English, once loaded */
  private english: Dictionary | null = null;
  /** the last switch asked for: an earlier, slower one must not win */
  private request = 0;

  readonly lang = this.current.asReadonly();
  /** BCP 47 locale for dates and numbers */
  readonly locale = computed(() => LOCALES[this.lang()]);
  /** `t` bound to the current language: read it inside a computed to follow a switch */
  readonly translate = computed<Translate>(() => translator(this.lang(), this.english));

  /** A French text in the current language (reactive when read inside a computed or a template). */
  t(key: string, params?: Params): string {
    return this.translate()(key, params);
  }

  /** A French text in `lang` (the `t` pipe's pure function of its arguments). */
  translateIn(lang: Lang, key: string, params?: Params): string {
    return translateWith(this.english, lang, key, params);
  }

  /** Switches the interface to `lang` (after loading its dictionary) and remembers the choice. */
  async use(lang: Lang): Promise<void> {
    const request = ++this.request;
    if (lang === 'en' && !this.english) {
      // the application is not stable (tests, whenStable) until the dictionary is there
      const loaded = this.pendingTasks.add();
      try {
        this.english = (await import('./en')).EN;
      } catch (err) {
        // the chunk could not be fetched (offline, a new version deployed): stay in French
        console.error(err);
        return;
      } finally {
        loaded();
      }
    }
    if (request !== this.request) return;
    this.current.set(lang);
    this.document.documentElement.lang = lang;
    this.store(lang);
  }

  /** At start: the language chosen earlier on this browser, or the one the request asks the server for (French otherwise). */
  restore(): Promise<void> {
    const saved = this.requested ?? this.stored();
    return saved && saved !== this.lang() ? this.use(saved) : Promise.resolve();
  }

  private stored(): Lang | null {
    try {
      return langOf(this.document.defaultView?.localStorage.getItem(LANG_STORAGE_KEY));
    } catch {
      // storage refused (privacy settings): no memory of the choice
      return null;
    }
  }

  private store(lang: Lang): void {
    // a page drawn by the server keeps nothing: the request chose
    if (this.requested) return;
    try {
      this.document.defaultView?.localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // storage refused: the choice lasts until the page is reloaded
    }
    // the server draws the public pages in the same language (ADR 0040); no personal data, first-party, Lax
    this.document.cookie = `${LANG_STORAGE_KEY}=${lang}; Path=/; Max-Age=${LANG_COOKIE_MAX_AGE}; SameSite=Lax`;
  }
}
