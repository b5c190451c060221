import type { ChronogramView } from '@jalons/contract';
import { formatFrDate, itemHealth, spanDays } from '@jalons/domain';

import { Translate, french } from '../i18n/i18n';
import { HEALTH_LABELS } from '../shared/labels';
import { escapeHtml, percent } from './gantt-format';
import type { GanttRow } from './gantt-row-types';

/** What the chart says besides its bars: the summary a screen reader hears, the hover card of a bar. */

/** What a screen reader hears for the chart (the list beside it carries the details). */
export function chartSummary(view: ChronogramView, t: Translate = french): string {
  const at = view.roadmap.at;
  let lateActions = 0;
  for (const a of view.actions) if (itemHealth(a, at) === 'late') lateActions++;
  let lateMilestones = 0;
  for (const m of view.milestones) if (m.state === 'late') lateMilestones++;
  const late = (n: number): string => (n > 0 ? ` ${t('dont {late} en retard', { late: n })}` : '');
  const summary = t('Chronogramme : {actions}{lateActions}, {milestones}{lateMilestones}, du {start} au {end}', {
    actions: t('{n} action|{n} actions', { n: view.actions.length }),
    lateActions: late(lateActions),
    milestones: t('{n} jalon|{n} jalons', { n: view.milestones.length }),
    lateMilestones: late(lateMilestones),
    start: formatFrDate(view.roadmap.start),
    end: formatFrDate(view.roadmap.end),
  });
  // the ghosts are drawn only: say that they are there (the table gives each slip)
  return view.baseline
    ? `${summary}. ${t('En gris sous chaque élément : ses dates dans la ligne de base v{number} ; le tableau donne les glissements.', { number: view.baseline.number })}`
    : summary;
}

/** The hover card of a bar, in the language of `t`, every value escaped. */
export function popupParts(
  row: GanttRow,
  functionName: string,
  t: Translate = french,
): { title: string; subtitle: string; details: string } {
  switch (row.kind) {
    case 'group':
      return {
        title: escapeHtml(row.name),
        subtitle: escapeHtml(t('{n} élément|{n} éléments', { n: row.itemCount })),
        details: escapeHtml(t('Avancement : {progress}', { progress: percent(row.progress, t) })),
      };
    case 'action': {
      const days = Math.max(1, spanDays(row.start, row.due));
      const lines = [
        t('Du {start} au {end} ({days})', {
          start: formatFrDate(row.start),
          end: formatFrDate(row.due),
          days: t('{n} jour|{n} jours', { n: days }),
        }),
        t('Avancement : {progress}', { progress: percent(row.progress, t) }),
        t('Responsable : {name}', { name: row.ownerName ?? t('aucun') }),
      ];
      if (row.health) lines.push(t('Santé : {health}', { health: t(HEALTH_LABELS[row.health]) }));
      return {
        title: escapeHtml(row.title),
        subtitle: escapeHtml(`${functionName} · ${row.statusLabel}`),
        details: lines.map(escapeHtml).join('<br>'),
      };
    }
    case 'milestone': {
      const lines = [t('Prévu le {date}', { date: formatFrDate(row.date) })];
      if (row.achievedOn) lines.push(t('Atteint le {date}', { date: formatFrDate(row.achievedOn) }));
      return {
        title: escapeHtml(row.title),
        subtitle: escapeHtml(
          t('Jalon · {function} · {state}', {
            function: functionName,
            state: row.statusLabel,
          }),
        ),
        details: lines.map(escapeHtml).join('<br>'),
      };
    }
  }
}
