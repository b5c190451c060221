import type { SkippedDependencyView, TrashEntryView } from '@jalons/contract';
import { TRASH_DAYS } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';

import { toApiRequestError } from '../data/api-error';
import { CurrentRoadmap } from '../data/current-roadmap';
import { TrashService } from '../data/trash.service';
import { I18n, tKey } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { formatParisDateTime } from '../shared/paris-time';
import { roadmapPath } from '../roadmap/roadmap-path';
import { DataTable } from '../shared/data-table';
import { loadable } from '../shared/loadable';

/** Where a row stands once « Restaurer » is pressed. */
type RowState =
  | { readonly status: 'restoring' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'restored'; readonly skipped: readonly SkippedDependencyView[] };

const KIND_LABELS = { action: tKey('Action'), milestone: tKey('Jalon') } as const;

/**
 * The Corbeille (`/r/<slug>/corbeille`): the actions and milestones deleted in the last 90 days,
 * newest first, each with « Restaurer » for whoever may (the lead, the owner of its function). A
 * restored item is linked from its row; a refusal is said on the row.
 */
@Component({
  selector: 'jl-trash-page',
  imports: [DataTable, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './trash-page.html',
})
export class TrashPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly trash = inject(TrashService);
  private readonly current = inject(CurrentRoadmap);

  /** the roadmap's id (resolved from the URL's slug) */
  readonly roadmap = input.required<string>();
  /** ?supprime=<id>: the item just deleted, which the page confirms */
  readonly supprime = input<string>();

  protected readonly days = TRASH_DAYS;
  protected readonly kindLabels = KIND_LABELS;
  protected readonly entries = loadable(this.roadmap, (id) => this.trash.list(id));
  protected readonly slug = computed(() => this.current.roadmap()?.slug ?? null);
  private readonly states = signal<ReadonlyMap<string, RowState>>(new Map());
  /** what the page last did, for the status line (read out) */
  protected readonly status = signal<string | null>(null);

  /** the deletion the page was opened for, confirmed in words */
  protected readonly deleted = computed(() => {
    const id = this.supprime();
    const entry = id ? this.entries.value()?.find((e) => e.id === id) : undefined;
    if (!entry) return null;
    return entry.itemType === 'action'
      ? this.i18n.t('L’action « {title} » est dans la corbeille : vous pouvez la restaurer ici pendant {days} jours.', {
          title: entry.title,
          days: TRASH_DAYS,
        })
      : this.i18n.t('Le jalon « {title} » est dans la corbeille : vous pouvez le restaurer ici pendant {days} jours.', {
          title: entry.title,
          days: TRASH_DAYS,
        });
  });

  protected state(entry: TrashEntryView): RowState | undefined {
    return this.states().get(entry.id);
  }

  /** the arrows a restore left out (they would have closed a cycle) */
  protected skipped(entry: TrashEntryView): readonly SkippedDependencyView[] {
    const st = this.state(entry);
    return st?.status === 'restored' ? st.skipped : [];
  }

  protected failure(entry: TrashEntryView): string | null {
    const st = this.state(entry);
    return st?.status === 'failed' ? st.message : null;
  }

  protected when(instant: string): string {
    return formatParisDateTime(instant, this.lang());
  }

  protected link(entry: TrashEntryView): Array<string | number> | null {
    const slug = this.slug();
    return slug ? roadmapPath(slug, entry.itemType === 'action' ? 'actions' : 'jalons', entry.id) : null;
  }

  protected restore(entry: TrashEntryView): void {
    if (this.state(entry)?.status === 'restoring') return;
    this.setState(entry.id, { status: 'restoring' });
    this.status.set(null);
    this.trash.restore(entry.itemType, entry.id).subscribe({
      next: (res) => {
        this.setState(entry.id, { status: 'restored', skipped: res.skippedDependencies });
        this.status.set(this.i18n.t('« {title} » est restauré·e.', { title: entry.title }));
      },
      error: (err: unknown) => {
        const message = toApiRequestError(err, this.i18n.translate()).message;
        this.setState(entry.id, { status: 'failed', message });
        this.status.set(this.i18n.t('« {title} » n’a pas pu être restauré·e.', { title: entry.title }));
      },
    });
  }

  private setState(id: string, state: RowState): void {
    const next = new Map(this.states());
    next.set(id, state);
    this.states.set(next);
  }
}
