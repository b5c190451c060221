import type { BaselineView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, linkedSignal, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { of } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { BaselinesService } from '../data/baselines.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { GovernanceService } from '../data/governance.service';
import { decisionLabel } from '../governance/governance-labels';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { DataTable } from '../shared/data-table';
import { loadable } from '../shared/loadable';
import { formatParisDateTime } from '../shared/paris-time';
import { BaselineFreezeForm } from './baseline-freeze-form';
import { BaselineSlips } from './baseline-slips';

/**
 * « Lignes de base » (`/r/<slug>/lignes-de-base`, ADR 0017): the plans the lead froze, newest
 * first (number, label, decision, who and when, what they hold); the lead freezes today's plan and
 * may delete the latest (confirmed in a dialog). Choosing one shows the slips against it.
 */
@Component({
  selector: 'jl-baselines-page',
  imports: [BaselineFreezeForm, BaselineSlips, DataTable, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './baselines-page.html',
  styleUrl: './baselines-page.scss',
})
export class BaselinesPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly baselines = inject(BaselinesService);
  private readonly current = inject(CurrentRoadmap);
  private readonly governance = inject(GovernanceService);
  protected readonly canFreeze = inject(AuthService).canManageRoadmap;

  /** the roadmap's id (resolved from the URL's slug) */
  readonly roadmap = input.required<string>();
  /** ?ligne=<id>: the baseline whose slips are shown (default: the latest) */
  readonly ligne = input<string>();

  protected readonly list = loadable(this.roadmap, (id) => this.baselines.list(id));
  /** the decisions the baselines cite, by id (asked for only when one cites a decision) */
  private readonly decisions = loadable(
    () => ((this.list.value() ?? []).some((b) => b.decisionId) ? this.roadmap() : null),
    (id) => (id ? this.governance.decisions(id) : of([])),
  );
  protected readonly citedDecisions = computed(() => {
    const t = this.i18n.translate();
    return new Map((this.decisions.value() ?? []).map((d) => [d.id, decisionLabel(d, t)]));
  });
  protected readonly slug = computed(() => this.current.roadmap()?.slug ?? '');
  /** the baseline chosen: the address's, then the reader's choice; the latest when none */
  protected readonly chosen = linkedSignal<string | null>(() => this.ligne() ?? null);
  protected readonly selected = computed((): BaselineView | null => {
    const list = this.list.value() ?? [];
    const id = this.chosen();
    return list.find((b) => b.id === id) ?? list.find((b) => b.latest) ?? null;
  });
  protected readonly slips = loadable(
    () => this.selected()?.id ?? null,
    (id) => (id ? this.baselines.slips(id) : of(null)),
  );

  /** what the page last did, read out */
  protected readonly status = signal<string | null>(null);
  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('dialog');
  private readonly cancelButton = viewChild<ElementRef<HTMLButtonElement>>('cancelButton');
  private readonly listHeading = viewChild<ElementRef<HTMLElement>>('listHeading');
  /** the baseline the dialog asks about */
  protected readonly deleting = signal<BaselineView | null>(null);
  protected readonly busy = signal(false);
  protected readonly deleteError = signal<string | null>(null);
  private opener: HTMLElement | null = null;

  protected when(instant: string): string {
    return formatParisDateTime(instant, this.lang());
  }

  protected chronogramLink(): Array<string | number> {
    return roadmapPath(this.slug(), 'chronogramme');
  }

  protected choose(b: BaselineView): void {
    this.chosen.set(b.id);
  }

  protected onFrozen(made: BaselineView): void {
    this.chosen.set(made.id);
    this.status.set(null);
    this.list.reload();
  }

  protected askDelete(b: BaselineView, event: Event): void {
    this.opener = event.currentTarget as HTMLElement;
    this.deleting.set(b);
    this.deleteError.set(null);
    const dialog = this.dialog()?.nativeElement;
    if (!dialog) return;
    // jsdom (the unit tests) has no showModal: the dialog is then merely open
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    this.cancelButton()?.nativeElement.focus();
  }

  /** Escape, « Annuler » or the native close: the focus goes back to the button that opened it. */
  protected closeDialog(event?: Event): void {
    event?.preventDefault();
    if (this.busy() || !this.deleting()) return;
    const dialog = this.dialog()?.nativeElement;
    if (dialog?.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
    this.deleting.set(null);
    this.opener?.focus();
  }

  protected confirmDelete(): void {
    const b = this.deleting();
    if (!b || this.busy()) return;
    this.busy.set(true);
    this.deleteError.set(null);
    this.baselines.remove(b.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.closeDialog();
        // its row is gone: the keyboard goes to the list's heading
        this.listHeading()?.nativeElement.focus();
        this.status.set(this.i18n.t('La ligne de base v{number} est supprimée.', { number: b.number }));
        if (this.chosen() === b.id) this.chosen.set(null);
        this.list.reload();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.deleteError.set(toApiRequestError(err, this.i18n.translate()).message);
      },
    });
  }
}
