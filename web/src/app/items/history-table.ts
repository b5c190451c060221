import type { HistoryEntryView } from '@jalons/contract';
import type { ActionStatus } from '@jalons/domain';
import { formatFrDate, isIsoDate } from '@jalons/domain';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';

import { HISTORY_FIELD_LABELS, STATUS_LABELS } from '../shared/labels';

const PARIS_DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant (ISO 8601) as Paris reads it: « 20/04/2024 à 10:30 ». */
export function formatParisDateTime(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const parts = Object.fromEntries(
    PARIS_DATE_TIME.formatToParts(d).map((p) => [p.type, p.value]),
  );
  return `${parts['day']}/${parts['month']}/${parts['year']} à ${parts['hour']}:${parts['minute']}`;
}

/** The day of an instant (ISO 8601) as Paris reads it: « 20/04/2024 ». */
export function formatParisDay(instant: string): string {
  return formatParisDateTime(instant).split(' à ')[0];
}

/** A history value as the user reads it: statuses in words, days fr-FR, progress in %. */
export function historyValue(field: string, value: string | null): string {
  if (value === null || value === '') return '—';
  if (field === 'status' && value in STATUS_LABELS) {
    return STATUS_LABELS[value as ActionStatus];
  }
  if (field === 'progress' && /^\d+(\.\d+)?$/.test(value)) {
    return `${value.replace('.', ',')}\u202f%`;
  }
  // an action's creation is recorded as « <status> <progress> % »
  const created = field === 'created' ? /^(\w+) (\d+) %$/.exec(value) : null;
  if (created && created[1] in STATUS_LABELS) {
    return `${STATUS_LABELS[created[1] as ActionStatus]}, ${created[2]}\u202f%`;
  }
  const day: unknown = value;
  if (isIsoDate(day)) return formatFrDate(day);
  // days inside a sentence (« atteint le 2026-09-18 ») read fr-FR too
  return value.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');
}

interface HistoryRow {
  id: string;
  who: string;
  when: string;
  field: string;
  from: string;
  to: string;
  comment: string;
}

/** Who changed what, when and why: newest first. */
@Component({
  selector: 'jl-history-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="table-scroll"
      role="region"
      aria-label="Historique des modifications"
      tabindex="0"
    >
      <table class="data-table" data-testid="history">
        <caption class="visually-hidden">
          Historique des modifications, de la plus récente à la plus ancienne
        </caption>
        <thead>
          <tr>
            <th scope="col">Qui</th>
            <th scope="col">Quand</th>
            <th scope="col">Champ</th>
            <th scope="col">De</th>
            <th scope="col">À</th>
            <th scope="col">Commentaire</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.id) {
            <tr>
              <td>{{ row.who }}</td>
              <td>{{ row.when }}</td>
              <th scope="row">{{ row.field }}</th>
              <td>{{ row.from }}</td>
              <td>{{ row.to }}</td>
              <td>{{ row.comment }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="6">Aucune modification enregistrée.</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class HistoryTable {
  readonly entries = input.required<readonly HistoryEntryView[]>();

  protected readonly rows = computed<HistoryRow[]>(() =>
    [...this.entries()]
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((e) => ({
        id: e.id,
        who: e.actor?.name ?? '—',
        when: formatParisDateTime(e.at),
        field: HISTORY_FIELD_LABELS[e.field] ?? e.field,
        from: historyValue(e.field, e.from),
        to: historyValue(e.field, e.to),
        comment: e.comment ?? '—',
      })),
  );
}
