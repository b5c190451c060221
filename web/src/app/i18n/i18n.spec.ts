import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { I18n, LANG_STORAGE_KEY, REQUESTED_LANG, Translate, formatMessage, french, langOf, tKey, translatedOnce, translator } from './i18n';
import { provideI18n } from './provide-i18n';

/** the language cookie as the browser holds it (jsdom keeps cookies per document) */
const langCookie = (): string | undefined => /(?:^|;\s*)jalons\.lang=(\w+)/.exec(document.cookie)?.[1];

afterEach(() => {
  localStorage.clear();
  document.cookie = `${LANG_STORAGE_KEY}=; Path=/; Max-Age=0`;
  document.documentElement.lang = 'fr';
  jest.restoreAllMocks();
});

describe('formatMessage', () => {
  it('fills the placeholders it is given and leaves the others', () => {
    expect(
      formatMessage('Du {start} au {end}', 'fr', {
        start: '01/04/2026',
        end: '31/03/2032',
      }),
    ).toBe('Du 01/04/2026 au 31/03/2032');
    expect(formatMessage('Phase en cours : {phase}', 'fr', {})).toBe('Phase en cours : {phase}');
    expect(formatMessage('Sans paramètre', 'fr')).toBe('Sans paramètre');
  });

  it('picks the form Intl.PluralRules picks, without it, for integers, decimals and negatives', () => {
    const values = [
      ...Array.from({ length: 2001 }, (_, i) => i - 1000),
      ...Array.from({ length: 400 }, (_, i) => Math.round((i / 20 - 10) * 100) / 100),
      0.5,
      1.5,
      1.999,
      2.01,
      1e6,
      1.5e6,
    ];
    for (const lang of ['fr', 'en'] as const) {
      const rules = new Intl.PluralRules(lang === 'fr' ? 'fr-FR' : 'en-GB');
      const expected = values.map((n) => (rules.select(n) === 'one' ? 'one' : 'other'));
      expect(values.map((n) => formatMessage('one|other', lang, { n }))).toEqual(expected);
    }
  });

  it('picks the plural form by the language’s rule: 0 and 1 are singular in French, 1 only in English', () => {
    const fr = '{n} jour|{n} jours';
    const en = '{n} day|{n} days';
    expect([0, 1, 2].map((n) => formatMessage(fr, 'fr', { n }))).toEqual(['0 jour', '1 jour', '2 jours']);
    expect([0, 1, 2].map((n) => formatMessage(en, 'en', { n }))).toEqual(['0 days', '1 day', '2 days']);
  });
});

describe('translator', () => {
  it('translates with the dictionary, falls back to the French text, and names its language', () => {
    const en = translator('en', { 'Vue du mandat': 'Term overview' });
    expect(en('Vue du mandat')).toBe('Term overview');
    expect(en('Un texte oublié')).toBe('Un texte oublié');
    expect(en.lang).toBe('en');
    expect(french('Vue du mandat')).toBe('Vue du mandat');
    expect(french.lang).toBe('fr');
    expect(tKey('Vue du mandat')).toBe('Vue du mandat');
  });
});

describe('translatedOnce', () => {
  it('translates each text without parameters once, formats the others each time, in the same language', () => {
    const asked: string[] = [];
    const en = translator('en', { 'En cours': 'In progress', '{n} jours': '{n} days' });
    const counting: Translate = Object.assign(
      (key: string, params?: Record<string, string | number>) => (asked.push(key), en(key, params)),
      {
        lang: en.lang,
      },
    );
    const t = translatedOnce(counting);
    expect(t.lang).toBe('en');
    expect([t('En cours'), t('En cours'), t('En cours')]).toEqual(['In progress', 'In progress', 'In progress']);
    expect(t('{n} jours', { n: 3 })).toBe('3 days');
    expect(t('{n} jours', { n: 4 })).toBe('4 days');
    expect(asked).toEqual(['En cours', '{n} jours', '{n} jours']);
    // another build, its own words: nothing kept between two
    translatedOnce(counting)('En cours');
    expect(asked).toEqual(['En cours', '{n} jours', '{n} jours', 'En cours']);
  });
});

describe('I18n', () => {
  let i18n: I18n;

  beforeEach(() => {
    i18n = TestBed.inject(I18n);
  });

  it('starts in French', () => {
    expect(i18n.lang()).toBe('fr');
    expect(i18n.locale()).toBe('fr-FR');
    expect(i18n.t('Vue du mandat')).toBe('Vue du mandat');
  });

  it('switches to English: texts, locale, <html lang>, and the choice remembered on this browser', async () => {
    await i18n.use('en');
    expect(i18n.lang()).toBe('en');
    expect(i18n.locale()).toBe('en-GB');
    expect(i18n.t('Vue du mandat')).toBe('Term overview');
    expect(i18n.t('Phase en cours :')).toBe('Current phase:');
    expect(i18n.t('{n} jour|{n} jours', { n: 1 })).toBe('1 day');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');

    await i18n.use('fr');
    expect(i18n.t('Vue du mandat')).toBe('Vue du mandat');
    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('fr');
  });

  it('tells the server the choice too: the jalons.lang cookie, for the pages it draws (ADR 0040)', async () => {
    expect(langCookie()).toBeUndefined();
    await i18n.use('en');
    expect(langCookie()).toBe('en');
    await i18n.use('fr');
    expect(langCookie()).toBe('fr');
  });

  it('shows a French text that has no English translation as it is', async () => {
    await i18n.use('en');
    expect(i18n.t('Le comité se réunit en mai.')).toBe('Le comité se réunit en mai.');
  });

  it('restores the language chosen earlier, and ignores anything else stored', async () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    await i18n.restore();
    expect(i18n.lang()).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    localStorage.setItem(LANG_STORAGE_KEY, 'de');
    const other = TestBed.runInInjectionContext(() => new I18n());
    await other.restore();
    expect(other.lang()).toBe('fr');
  });

  it('lets the last switch win when the dictionary arrives late', async () => {
    const english = i18n.use('en');
    const back = i18n.use('fr');
    await Promise.all([english, back]);
    expect(i18n.lang()).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('still switches when the browser refuses to store the choice', async () => {
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('SecurityError');
    });
    await i18n.use('en');
    expect(i18n.lang()).toBe('en');
    await expect(i18n.restore()).resolves.toBeUndefined();
  });
});

describe('I18n on the server (ADR 0040)', () => {
  it('draws in the language the request asks for, whatever this document stores, and keeps nothing', async () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'fr');
    TestBed.configureTestingModule({ providers: [{ provide: REQUESTED_LANG, useValue: 'en' }] });
    const i18n = TestBed.inject(I18n);
    await i18n.restore();
    expect(i18n.lang()).toBe('en');
    expect(i18n.t('Vue du mandat')).toBe('Term overview');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('fr');
    expect(langCookie()).toBeUndefined();
  });

  it('falls back to what the document stores when the request asks for nothing', async () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    TestBed.configureTestingModule({ providers: [{ provide: REQUESTED_LANG, useValue: null }] });
    const i18n = TestBed.inject(I18n);
    await i18n.restore();
    expect(i18n.lang()).toBe('en');
  });

  it('reads a language only from fr or en', () => {
    expect([langOf('fr'), langOf('en'), langOf('de'), langOf(['en']), langOf(undefined)]).toEqual(['fr', 'en', null, null, null]);
  });
});

describe('provideI18n', () => {
  it('restores the stored language before the first page', async () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    TestBed.configureTestingModule({ providers: [provideI18n()] });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    expect(TestBed.inject(I18n).lang()).toBe('en');
  });
});
