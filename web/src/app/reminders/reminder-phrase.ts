import type { NotificationView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { daysBetween, isIsoDate } from '@jalons/domain';

const SHORT_DAY = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** '2026-12-05' → « 5 déc. 2026 ». A calendar day, no time zone involved. */
export function formatShortFrDate(day: IsoDate): string {
  return isIsoDate(day) ? SHORT_DAY.format(new Date(`${day}T00:00:00Z`)) : day;
}

const days = (n: number): string => `${n} ${n > 1 ? 'jours' : 'jour'}`;

/**
 * What a reminder said on the day it was raised, then the due date: « échéance dans 7 jours — 5 déc.
 * 2026 », « échéance aujourd’hui — … », « en retard de 14 jours — … », and for the project lead
 * « remonté : en retard de 14 jours — … ».
 */
export function reminderPhrase(
  n: Pick<NotificationView, 'rule' | 'dueDate' | 'runDate'>,
): string {
  const due = formatShortFrDate(n.dueDate);
  const left =
    isIsoDate(n.runDate) && isIsoDate(n.dueDate)
      ? daysBetween(n.runDate, n.dueDate)
      : null;
  if (left === null) return `échéance le ${due}`;
  switch (n.rule) {
    case 'before':
      return `échéance dans ${days(left)} — ${due}`;
    case 'due':
      return `échéance aujourd’hui — ${due}`;
    case 'overdue':
      return `en retard de ${days(-left)} — ${due}`;
    case 'escalation':
      return `remonté : en retard de ${days(-left)} — ${due}`;
    default:
      return `échéance le ${due}`;
  }
}

/** The page of the item a reminder is about. */
export function reminderLink(
  n: Pick<NotificationView, 'itemType' | 'itemId'>,
): string[] {
  return [n.itemType === 'action' ? '/actions' : '/jalons', n.itemId];
}
