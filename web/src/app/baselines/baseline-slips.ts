import type { BaselineSlipsView, ItemSlipView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { DataTable } from '../shared/data-table';
import { FORM_FIELD } from '../shared/form-field';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { slipClass, slipText } from './slip-text';

interface SlipRow {
  key: string;
  item: ItemSlipView;
  kind: string;
  functionName: string;
  link: Array<string | number> | null;
  slip: string;
  slipClass: string;
  /** anything but an item at the same date as then */
  moved: boolean;
}

/**
 * The slips against one baseline: per function and per phase (as the baseline has the items),
 * then item by item — its due date then and now, its slip in days, « nouveau », « supprimé ». By
 * default only what moved; every item on demand.
 */
@Component({
  selector: 'jl-baseline-slips',
  imports: [DataTable, FORM_FIELD, FormsModule, FrDatePipe, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './baseline-slips.html',
  styles: `
    h3 {
      margin: 1rem 0 0.5rem;
      font-size: 1rem;
    }
    .kind {
      color: var(--jl-text-muted);
      font-weight: 400;
    }
    .slip--late {
      color: #a4231a;
      font-weight: 600;
    }
    .slip--early {
      color: #1b5e20;
    }
  `,
})
export class BaselineSlips {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;

  readonly slips = input.required<BaselineSlipsView>();
  /** the roadmap's slug, for the items' links */
  readonly slug = input.required<string>();

  /** every item, or only those that moved (default) */
  protected readonly all = signal(false);
  protected readonly title = computed(() => {
    const b = this.slips().baseline;
    return this.i18n.t('Glissements par rapport à v{number} — {label}', { number: b.number, label: b.label });
  });
  private readonly rows = computed((): SlipRow[] => {
    const t = this.i18n.translate();
    const view = this.slips();
    const names = new Map(view.functions.map((f) => [f.id, f.name]));
    return view.items.map((item) => ({
      key: `${item.type}:${item.id}`,
      item,
      kind: item.type === 'action' ? t('Action') : t('Jalon'),
      functionName: names.get(item.functionId) ?? '—',
      link: item.state === 'deleted' ? null : roadmapPath(this.slug(), item.type === 'action' ? 'actions' : 'jalons', item.id),
      slip: slipText(item.state, item.slipDays, t),
      slipClass: slipClass(item.state, item.slipDays),
      moved: item.state !== 'planned' || (item.slipDays ?? 0) !== 0,
    }));
  });
  protected readonly shown = computed(() => (this.all() ? this.rows() : this.rows().filter((r) => r.moved)));
  protected readonly moved = computed(() => this.rows().filter((r) => r.moved).length);

  protected summaryCaption(kind: 'function' | 'phase'): string {
    return kind === 'function'
      ? this.i18n.t('Glissements par fonction, telle que la ligne de base range les éléments')
      : this.i18n.t('Glissements par phase, telle que la ligne de base range les éléments');
  }
}
