import type { IsoDate } from '@jalons/domain';
import { fromDayNumber, spanDays, toDayNumber } from '@jalons/domain';
import type { FrappeTask } from 'frappe-gantt';

import { Translate, french } from '../i18n/i18n';
import { escapeHtml, percent, tint } from './gantt-format';
import type { GanttRow } from './gantt-row-types';

/** Longest bar frappe accepts (it drops tasks of more than ten years, which would shift rows). */
const MAX_SPAN_DAYS = 3_600;

/**
 * frappe-gantt tasks for the rows: fresh objects on every call (frappe writes into them while
 * dragging, and the chronogram input must stay the only truth). Dependencies are kept only when
 * both ends are on screen (frappe throws on a dependency to a missing bar).
 */
export function buildTasks(rows: readonly GanttRow[], fallbackDay: IsoDate, t: Translate = french): FrappeTask[] {
  const taskIdOfAction = new Map<string, string>();
  for (const row of rows) if (row.kind === 'action') taskIdOfAction.set(row.id, row.taskId);

  return rows.map((row): FrappeTask => {
    switch (row.kind) {
      case 'group': {
        const span = row.span ?? { start: fallbackDay, due: fallbackDay };
        return {
          id: row.taskId,
          name: '',
          start: span.start,
          end: safeEnd(span.start, span.due),
          progress: row.progress,
          custom_class: row.span ? 'jl-bar--group' : 'jl-bar--group-empty',
          color: tint(row.color, 0.8),
          color_progress: tint(row.color, 0.35),
          dependencies: [],
        };
      }
      case 'action': {
        const dependencies: string[] = [];
        for (const p of row.predecessorIds) {
          const taskId = taskIdOfAction.get(p);
          if (taskId) dependencies.push(taskId);
        }
        return {
          id: row.taskId,
          name: escapeHtml(row.look === 'done' ? `✓ ${percent(100, t)}` : percent(row.progress, t)),
          start: row.start,
          end: safeEnd(row.start, row.due),
          progress: row.progress,
          custom_class: `jl-bar--${row.look}`,
          color: row.look === 'abandoned' ? '#eceef1' : tint(row.color),
          color_progress: row.look === 'abandoned' ? '#b8bec8' : row.color,
          dependencies,
        };
      }
      case 'milestone':
        return {
          id: row.taskId,
          name: '',
          start: row.date,
          end: row.date,
          progress: 0,
          custom_class: `jl-ms--${row.state}`,
          color: 'transparent',
          dependencies: [],
        };
    }
  });
}

/** A due day frappe accepts: not before the start, not more than ~ten years after it. */
function safeEnd(start: IsoDate, due: IsoDate): IsoDate {
  const days = spanDays(start, due);
  if (days < 1) return start;
  if (days > MAX_SPAN_DAYS) {
    return fromDayNumber(toDayNumber(start) + MAX_SPAN_DAYS - 1);
  }
  return due;
}
