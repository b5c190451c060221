import { ACTION_STATUS_LABELS, formatFrDate, frenchMonth } from '@jalons/domain';
import type { ActionStatus, Headline, Health, IsoDate, RollUp } from '@jalons/domain';

import { escapeHtml as esc } from '../../infra/html';
import type { DatedItemRow, MovedRow } from './summaries.queries';

/** What one roadmap's summary says for a month: the same for every recipient but the greeting. */
export interface SummaryContent {
  day: IsoDate;
  roadmap: { label: string; slug: string };
  headline: Headline;
  /** the month before `day`: what moved in it */
  previous: { start: IsoDate; end: IsoDate };
  moved: MovedRow[];
  late: DatedItemRow[];
  /** the milestones to come, from `day` to `nextUntil` */
  next: DatedItemRow[];
  nextUntil: IsoDate;
}

export interface SummaryMail {
  subject: string;
  text: string;
  html: string;
}

/** At most this many lines per section; the rest is counted and left to the report. */
export const SECTION_LINES = 15;

const HEALTH: Record<Health, string> = { on_track: 'À l’heure', at_risk: 'À surveiller', late: 'En retard' };
const pct = (n: number) => `${n.toFixed(1).replace('.', ',')} %`;
const figures = (r: RollUp) => `${pct(r.progress)} réalisé pour ${pct(r.expected)} attendu (${HEALTH[r.health]})`;
const owner = (i: DatedItemRow) => (i.owner_name ? `responsable ${i.owner_name}` : 'sans responsable');
const kind = (i: { item_type: 'action' | 'milestone' }) => (i.item_type === 'action' ? 'Action' : 'Jalon');

function headlineLines(h: Headline): string[] {
  const driver = h.drivenBy === 'currentPhase' && h.currentPhase ? ` — tirée par la phase en cours, ${h.currentPhase.name}` : '';
  return [
    `Santé de la feuille de route : ${HEALTH[h.health]}${driver}.`,
    `Ensemble du mandat : ${figures(h.overall)}.`,
    h.currentPhase ? `Phase en cours, ${h.currentPhase.name} : ${figures(h.currentPhase.rollUp)}.` : 'Aucune phase en cours à cette date.',
  ];
}

function movedLine(m: MovedRow): string {
  if (m.item_type === 'milestone') {
    const reached = m.to_value && /^\d{4}-\d{2}-\d{2}$/.test(m.to_value) ? m.to_value : m.day;
    return `Le jalon « ${m.title} » (${m.function_name}) a été atteint le ${formatFrDate(reached)}.`;
  }
  const status = ACTION_STATUS_LABELS[m.to_value as ActionStatus] ?? m.to_value ?? '—';
  return `L’action « ${m.title} » (${m.function_name}) est passée à ${status} le ${formatFrDate(m.day)}.`;
}

const lateLine = (i: DatedItemRow) =>
  `${kind(i)} « ${i.title} » (${i.function_name}) — ${i.item_type === 'action' ? 'échéance' : 'prévu'} le ${formatFrDate(i.date)}, ${owner(i)}.`;
const nextLine = (i: DatedItemRow) => `${formatFrDate(i.date)} — jalon « ${i.title} » (${i.function_name}), ${owner(i)}.`;

interface Section {
  title: string;
  lines: string[];
  empty: string;
}

function sections(c: SummaryContent): Section[] {
  const prev = frenchMonth(c.previous.start);
  return [
    { title: `Ce qui a bougé en ${prev}`, lines: c.moved.map(movedLine), empty: `Aucun changement de statut ni jalon atteint en ${prev}.` },
    { title: 'Ce qui est en retard', lines: c.late.map(lateLine), empty: 'Rien n’est en retard à ce jour.' },
    {
      title: `Les prochains jalons, jusqu’au ${formatFrDate(c.nextUntil)}`,
      lines: c.next.map(nextLine),
      empty: 'Aucun jalon prévu d’ici là.',
    },
  ];
}

/** The lines shown of a section, and how many more the report holds. */
function shown(s: Section): { lines: string[]; more: number } {
  return { lines: s.lines.slice(0, SECTION_LINES), more: Math.max(0, s.lines.length - SECTION_LINES) };
}

const moreText = (n: number) => `… et ${n} de plus, dans le rapport.`;

/**
 * One person's monthly summary of one roadmap, in French (accounts have no language of their own
 * yet), as plain text and HTML: the headline (ADR 0018), what moved in the previous month, what is
 * late, the next milestones, links to the report and the overview, and how to stop receiving it.
 */
export function renderSummary(person: { name: string }, c: SummaryContent, publicUrl: string): SummaryMail {
  const base = `${publicUrl}/r/${c.roadmap.slug}`;
  const links = { report: `${base}/rapport`, overview: base, account: `${publicUrl}/mon-compte` };
  const month = frenchMonth(c.day);
  const subject = `Jalons — point mensuel : ${c.roadmap.label} (${month})`;
  const intro = `Voici le point mensuel de la feuille de route « ${c.roadmap.label} », au ${formatFrDate(c.day)}.`;
  const stop =
    'Vous recevez ce point le premier lundi de chaque mois. Pour ne plus le recevoir : Mon compte, « Point mensuel par courriel »';
  const parts = sections(c);
  const text = [
    `Bonjour ${person.name},`,
    intro,
    headlineLines(c.headline).join('\n'),
    ...parts.map((s) => {
      const { lines, more } = shown(s);
      return [s.title.toUpperCase(), ...(lines.length ? lines.map((l) => `- ${l}`) : [s.empty]), ...(more ? [moreText(more)] : [])].join(
        '\n',
      );
    }),
    `Le rapport au conseil : ${links.report}\nLa vue d’ensemble : ${links.overview}`,
    `${stop} : ${links.account}`,
  ].join('\n\n');
  const html = `<!doctype html><html lang="fr"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1b;max-width:44em">
<p>Bonjour ${esc(person.name)},</p>
<p>${esc(intro)}</p>
<h2 style="font-size:1.05em;margin:1.2em 0 .3em">En un coup d’œil</h2>
${headlineLines(c.headline)
  .map((l) => `<p style="margin:.2em 0">${esc(l)}</p>`)
  .join('\n')}
${parts
  .map((s) => {
    const { lines, more } = shown(s);
    const body = lines.length ? `<ul>\n${lines.map((l) => `<li>${esc(l)}</li>`).join('\n')}\n</ul>` : `<p>${esc(s.empty)}</p>`;
    return `<h2 style="font-size:1.05em;margin:1.2em 0 .3em">${esc(s.title)}</h2>\n${body}${more ? `\n<p>${esc(moreText(more))}</p>` : ''}`;
  })
  .join('\n')}
<p><a href="${esc(links.report)}">Le rapport au conseil</a> · <a href="${esc(links.overview)}">La vue d’ensemble</a></p>
<p style="font-size:.9em;color:#555">${esc(stop)} : <a href="${esc(links.account)}">vos préférences</a>.</p>
</body></html>`;
  return { subject, text, html };
}
