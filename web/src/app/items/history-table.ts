import type { HistoryEntryView } from '@jalons/contract';
import type { ActionStatus } from '@jalons/domain';
import { formatFrDate, isIsoDate } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, input, inject } from '@angular/core';

import { I18n, Lang, Translate, french } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { decisionLabel } from '../governance/governance-labels';
import { DataTable } from '../shared/data-table';
import { HISTORY_FIELD_LABELS, STATUS_LABELS } from '../shared/labels';
import { formatParisDateTime } from '../shared/paris-time';

/** A percentage written in the history (« 40 », « 12.5 »): « 12,5 % », in English « 12.5% ». */
function historyPercent(value: string, lang: Lang): string {
  return lang === 'fr' ? `${value.replace('.', ',')}\u202f%` : `${value}%`;
}

/**
 * A history value as the user reads it: statuses in words, days dd/mm/yyyy (fr-FR and en-GB
 * agree), progress in %.
 */
export function historyValue(field: string, value: string | null, t: Translate = french): string {
  if (value === null || value === '') return '—';
  if (field === 'status' && value in STATUS_LABELS) {
    return t(STATUS_LABELS[value as ActionStatus]);
  }
  if (field === 'progress' && /^\d+(\.\d+)?$/.test(value)) {
    return historyPercent(value, t.lang);
  }
  // an action's creation is recorded as « <status> <progress> % »
  const created = field === 'created' ? /^(\w+) (\d+) %$/.exec(value) : null;
  if (created && created[1] in STATUS_LABELS) {
    return `${t(STATUS_LABELS[created[1] as ActionStatus])}, ${historyPercent(created[2], t.lang)}`;
  }
  const day: unknown = value;
  if (isIsoDate(day)) return formatFrDate(day);
  // days inside a sentence (« atteint le 2026-09-18 ») read dd/mm/yyyy too
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
  /** why a date of an item of the latest baseline changed (ADR 0017) */
  reason: string | null;
  /** the governance decision the re-plan cites */
  decision: string | null;
}

/** Who changed what, when and why: newest first. */
@Component({
  selector: 'jl-history-table',
  imports: [DataTable, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      jlDataTable
      [label]="'Historique des modifications' | t: lang()"
      [caption]="'Historique des modifications, de la plus récente à la plus ancienne' | t: lang()"
      testId="history"
    >
      <thead>
        <tr>
          <th scope="col">{{ 'Qui' | t: lang() }}</th>
          <th scope="col">{{ 'Quand' | t: lang() }}</th>
          <th scope="col">{{ 'Champ' | t: lang() }}</th>
          <th scope="col">{{ 'De' | t: lang() }}</th>
          <th scope="col">{{ 'À' | t: lang() }}</th>
          <th scope="col">{{ 'Commentaire' | t: lang() }}</th>
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
            <td>
              {{ row.comment }}
              @if (row.reason; as reason) {
                <br /><span class="history-reason"> {{ 'Motif : {reason}' | t: lang() : { reason } }}</span>
              }
              @if (row.decision; as decision) {
                <br /><span class="history-decision"> {{ 'Décision citée : {decision}' | t: lang() : { decision } }}</span>
              }
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="6">
              {{ 'Aucune modification enregistrée.' | t: lang() }}
            </td>
          </tr>
        }
      </tbody>
    </div>
  `,
})
export class HistoryTable {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly entries = input.required<readonly HistoryEntryView[]>();

  protected readonly rows = computed<HistoryRow[]>(() => {
    const t = this.i18n.translate();
    return [...this.entries()]
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((e) => ({
        id: e.id,
        who: e.actor?.name ?? '—',
        when: formatParisDateTime(e.at, t.lang),
        field: t(HISTORY_FIELD_LABELS[e.field] ?? e.field),
        from: historyValue(e.field, e.from, t),
        to: historyValue(e.field, e.to, t),
        comment: e.comment ?? (e.reason || e.decision ? '' : '—'),
        reason: e.reason ?? null,
        decision: e.decision ? decisionLabel(e.decision, t) : null,
      }));
  });
}
