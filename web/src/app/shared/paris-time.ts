import { LOCALES, Lang } from '../i18n/i18n';

/** Instants as Paris reads them, in the interface's language (history, accounts, reminders, feeds, Corbeille). */
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();

function parisParts(d: Date, lang: Lang): Record<string, string> {
  let format = dateTimeFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: 'Europe/Paris',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(lang, format);
  }
  return Object.fromEntries(format.formatToParts(d).map((p) => [p.type, p.value]));
}

/**
 * An instant (ISO 8601) as Paris reads it: « 20/04/2024 à 10:30 », in English (en-GB)
 * « 20/04/2024, 10:30 ».
 */
export function formatParisDateTime(instant: string, lang: Lang = 'fr'): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const p = parisParts(d, lang);
  const day = `${p['day']}/${p['month']}/${p['year']}`;
  const time = `${p['hour']}:${p['minute']}`;
  return lang === 'fr' ? `${day} à ${time}` : `${day}, ${time}`;
}

/** The day of an instant (ISO 8601) as Paris reads it: « 20/04/2024 » (the same in en-GB). */
export function formatParisDay(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const p = parisParts(d, 'fr');
  return `${p['day']}/${p['month']}/${p['year']}`;
}
