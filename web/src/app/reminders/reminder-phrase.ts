import type { NotificationView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { daysBetween, isIsoDate } from '@jalons/domain';

import { LOCALES, Lang, Translate, french, tKey } from '../i18n/i18n';

const shortDays = new Map<Lang, Intl.DateTimeFormat>();

/**
 * '2026-12-05' → « 5 déc. 2026 » (in English « 5 Dec 2026 »). A calendar day, no time zone
 * involved.
 */
export function formatShortDate(day: IsoDate, lang: Lang = 'fr'): string {
  if (!isIsoDate(day)) return day;
  let format = shortDays.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    shortDays.set(lang, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}

/**
 * What a reminder said on the day it was raised, then the due date: « échéance dans 7 jours — 5 déc.
 * 2026 », « échéance aujourd’hui — … », « en retard de 14 jours — … », and for the project lead
 * « remonté : en retard de 14 jours — … »; for an indicator « mesure attendue depuis 30 jours — … ».
 * In the language of `t`.
 */
export function reminderPhrase(n: Pick<NotificationView, 'rule' | 'dueDate' | 'runDate'>, t: Translate = french): string {
  const due = formatShortDate(n.dueDate, t.lang);
  const left = isIsoDate(n.runDate) && isIsoDate(n.dueDate) ? daysBetween(n.runDate, n.dueDate) : null;
  if (left === null) return t('échéance le {due}', { due });
  switch (n.rule) {
    case 'before':
      return t('échéance dans {n} jour — {due}|échéance dans {n} jours — {due}', {
        n: left,
        due,
      });
    case 'due':
      return t('échéance aujourd’hui — {due}', { due });
    case 'overdue':
      return t('en retard de {n} jour — {due}|en retard de {n} jours — {due}', {
        n: -left,
        due,
      });
    case 'escalation':
      return t('remonté : en retard de {n} jour — {due}|remonté : en retard de {n} jours — {due}', { n: -left, due });
    case 'stale':
      return left === 0
        ? t('mesure attendue — {due}', { due })
        : t('mesure attendue depuis {n} jour — {due}|mesure attendue depuis {n} jours — {due}', { n: -left, due });
    default:
      return t('échéance le {due}', { due });
  }
}

/**
 * The page of the item a reminder is about; an indicator's is its function's page — none when the
 * indicator has been deleted since (the API then knows no function for it).
 */
export function reminderLink(n: Pick<NotificationView, 'itemType' | 'itemId' | 'functionId'>): string[] | null {
  if (n.itemType === 'indicator') return n.functionId ? ['/fonctions', n.functionId] : null;
  return [n.itemType === 'action' ? '/actions' : '/jalons', n.itemId];
}

/** What a reminder is about, as the bell names it (French, the key of the translation). */
export const REMINDER_KINDS: Readonly<Record<NotificationView['itemType'], string>> = {
  action: tKey('Action'),
  milestone: tKey('Jalon'),
  indicator: tKey('Indicateur'),
};
