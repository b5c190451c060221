import { formatFrDate } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';

import type { ReminderRule } from '../../entities';
import { escapeHtml as esc } from '../../infra/html';
import type { ReminderItemType } from './due-reminders';

export interface DigestItem {
  itemType: ReminderItemType;
  itemId: string;
  title: string;
  rule: ReminderRule;
  dueDate: IsoDate;
  /** due date minus the digest's day */
  daysLeft: number;
  territory: string;
  /** the roadmap's address: the item's page is /r/<slug>/actions|jalons/<id>, an indicator's its function's */
  roadmapSlug: string;
  functionId: string;
  functionName: string;
  /** for escalations: who owns the item */
  ownerName: string | null;
}

export interface Digest {
  subject: string;
  text: string;
  html: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function when(i: DigestItem): string {
  if (i.rule === 'stale') {
    if (i.daysLeft === 0) return `une mesure est attendue à partir d’aujourd’hui, ${formatFrDate(i.dueDate)}`;
    return `une mesure est attendue depuis le ${formatFrDate(i.dueDate)} (${plural(-i.daysLeft, 'jour', 'jours')})`;
  }
  if (i.daysLeft > 0) return `échéance le ${formatFrDate(i.dueDate)} (dans ${plural(i.daysLeft, 'jour', 'jours')})`;
  if (i.daysLeft === 0) return `échéance aujourd’hui, ${formatFrDate(i.dueDate)}`;
  return `en retard de ${plural(-i.daysLeft, 'jour', 'jours')} (échéance le ${formatFrDate(i.dueDate)})`;
}

const SECTIONS: Array<{ title: string; test: (i: DigestItem) => boolean }> = [
  { title: 'Remontés au chef de projet : en retard chez leurs responsables', test: (i) => i.rule === 'escalation' },
  { title: 'En retard', test: (i) => i.rule === 'overdue' },
  { title: 'À échéance aujourd’hui', test: (i) => i.rule === 'due' },
  { title: 'Bientôt à échéance', test: (i) => i.rule === 'before' },
  { title: 'Indicateurs à mesurer', test: (i) => i.rule === 'stale' },
];

/** The words of a reminder's item and its page in the app. */
function itemLink(i: DigestItem, publicUrl: string): string {
  const base = `${publicUrl}/r/${i.roadmapSlug}`;
  if (i.itemType === 'indicator') return `${base}/fonctions/${i.functionId}`;
  return `${base}/${i.itemType === 'action' ? 'actions' : 'jalons'}/${i.itemId}`;
}

const KIND: Record<ReminderItemType, string> = { action: 'Action', milestone: 'Jalon', indicator: 'Indicateur' };

/** « Jalons — 3 échéances dont 1 retard, 1 indicateur à mesurer (05/04/2027) » */
function subjectOf(sections: Array<{ title: string; items: DigestItem[] }>, day: IsoDate): string {
  const count = (titles: string[]) => sections.filter((s) => titles.includes(s.title)).reduce((n, s) => n + s.items.length, 0);
  const late = count([SECTIONS[0].title, SECTIONS[1].title]);
  const items = late + count([SECTIONS[2].title, SECTIONS[3].title]);
  const indicators = count([SECTIONS[4].title]);
  const parts = [
    ...(items ? [`${plural(items, 'échéance', 'échéances')}${late ? ` dont ${plural(late, 'retard', 'retards')}` : ''}`] : []),
    ...(indicators ? [`${plural(indicators, 'indicateur', 'indicateurs')} à mesurer`] : []),
  ];
  return `Jalons — ${parts.join(', ')} (${formatFrDate(day)})`;
}

/**
 * One person's digest for a day, in French, as plain text and HTML: items by urgency (escalated,
 * late, due today, coming), then the indicators waiting for a measurement, each with a link into
 * the app, and a link to the notification settings.
 */
export function renderDigest(person: { name: string }, items: DigestItem[], day: IsoDate, publicUrl: string): Digest {
  // an item reminded twice to the same person (their own and escalated) appears once, under its most urgent rule
  const seen = new Set<string>();
  const ordered = SECTIONS.map((s) => ({
    title: s.title,
    items: items
      .filter(s.test)
      .sort((a, b) => a.daysLeft - b.daysLeft || a.title.localeCompare(b.title, 'fr'))
      .filter((i) => (seen.has(i.itemId) ? false : (seen.add(i.itemId), true))),
  })).filter((s) => s.items.length);
  const link = (i: DigestItem) => itemLink(i, publicUrl);
  const label = (i: DigestItem) => `${KIND[i.itemType]} « ${i.title} » — ${i.functionName}, ${i.territory}`;
  const settings = `${publicUrl}/mon-compte`;

  const subject = subjectOf(ordered, day);
  const text = [
    `Bonjour ${person.name},`,
    `Voici ce qui demande votre attention dans la feuille de route, au ${formatFrDate(day)}.`,
    ...ordered.map((s) =>
      [
        `${s.title.toUpperCase()}`,
        ...s.items.map(
          (i) => `- ${label(i)} : ${when(i)}${i.rule === 'escalation' && i.ownerName ? `, responsable ${i.ownerName}` : ''}\n  ${link(i)}`,
        ),
      ].join('\n'),
    ),
    `Pour recevoir ces rappels une fois par semaine ou plus du tout : ${settings}`,
  ].join('\n\n');
  const html = `<!doctype html><html lang="fr"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1b;max-width:44em">
<p>Bonjour ${esc(person.name)},</p>
<p>Voici ce qui demande votre attention dans la feuille de route, au ${esc(formatFrDate(day))}.</p>
${ordered
  .map(
    (s) => `<h2 style="font-size:1.05em;margin:1.2em 0 .3em">${esc(s.title)}</h2>
<ul>
${s.items
  .map(
    (i) =>
      `<li><a href="${esc(link(i))}">${esc(label(i))}</a> : ${esc(when(i))}${i.rule === 'escalation' && i.ownerName ? `, responsable ${esc(i.ownerName)}` : ''}</li>`,
  )
  .join('\n')}
</ul>`,
  )
  .join('\n')}
<p style="font-size:.9em;color:#555">Pour recevoir ces rappels une fois par semaine ou plus du tout : <a href="${esc(settings)}">vos préférences de notification</a>.</p>
</body></html>`;
  return { subject, text, html };
}
