import type { ActionView, MilestoneView } from '@jalons/contract';
import type { ActionStatus, DaySpan, IsoDate, RuleViolation } from '@jalons/domain';
import { ACTION_STATUSES, TEXT_MAX, checkActionDates, checkMilestoneDate, checkStatusProgress } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Observable, of, switchMap, tap } from 'rxjs';

import { ItemsService } from '../data/items.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { ItemUpdate } from '../items/item-update';
import { toFormErrors } from '../shared/form-errors';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { MILESTONE_STATE_LABELS, STATUS_LABELS } from '../shared/labels';
import { PercentPipe } from '../shared/percent.pipe';
import { ReviewItem, afterWrite } from './review-item';

/** the cells a refusal may point at */
const FIELDS = ['due', 'date', 'status', 'progress', 'achievedOn', 'comment'] as const;

/** What the row's cells hold while the person edits them. */
interface Draft {
  due: IsoDate;
  status: ActionStatus | null;
  progress: number | null;
  /** '' when the milestone is not achieved */
  achievedOn: string;
}

const draftOf = (item: ReviewItem): Draft => ({
  due: item.due,
  status: item.status,
  progress: item.progress,
  achievedOn: item.achievedOn ?? '',
});

/**
 * One row of the weekly review: the item's title, the page's own cells (projected: `[jlLead]` ones
 * after the title, the others after the editable cells), then due date (or date), status (or
 * « atteint le »), progress, comment and « Enregistrer » — editable for whoever may write the item.
 * Enter saves the row with its version, Escape puts its values back; a 409 or a refusal shows on
 * this row only. Built on the item pages' quick update (ItemUpdate).
 */
@Component({
  // eslint-disable-next-line @angular-eslint/component-selector -- the host is the table row itself
  selector: 'tr[jlReviewRow]',
  imports: [FormsModule, RouterLink, FrDatePipe, PercentPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review-row.html',
  styleUrl: './review-row.scss',
  host: {
    '[attr.data-item]': 'item().id',
    '[class.review-row--conflict]': 'conflict()',
    '(keydown)': 'onKeydown($event)',
  },
})
export class ReviewRow {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly items = inject(ItemsService);

  readonly item = input.required<ReviewItem>();
  /** the person may write this item */
  readonly editable = input(false);
  /** the table has the comment and « Enregistrer » columns (someone may write some row) */
  readonly editColumns = input(false);
  /** the roadmap's span: the dates an item may take */
  readonly span = input.required<DaySpan>();
  /** flag the row as late (« Mes échéances ») */
  readonly late = input(false);

  /** the item as last read or written: the page's, until this row saves or reloads it */
  protected readonly current = linkedSignal(() => this.item());
  protected readonly draft = linkedSignal(() => draftOf(this.current()));
  private readonly update = new ItemUpdate(this.current, FIELDS, () => undefined);
  protected readonly comment = this.update.comment;
  protected readonly errors = this.update.errors;
  protected readonly conflict = this.update.conflict;
  protected readonly saving = this.update.saving;
  protected readonly saved = this.update.saved;

  protected readonly statuses = ACTION_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly commentMax = TEXT_MAX.comment;
  protected readonly prefix = computed(() => `review-${this.item().id}`);
  /** the field the first date cell is: an action's due date, a milestone's date */
  protected readonly dueField = computed(() => (this.item().kind === 'action' ? 'due' : 'date'));
  protected readonly milestoneState = computed(() => {
    const c = this.current();
    return c.achievedOn ? MILESTONE_STATE_LABELS.achieved : this.late() ? MILESTONE_STATE_LABELS.late : MILESTONE_STATE_LABELS.upcoming;
  });

  protected set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.draft.update((d) => ({ ...d, [key]: value }));
  }

  /** the ids a cell's control is described by: its error, when it has one */
  protected describedBy(field: string): string | null {
    return this.errors().byField[field] ? `${this.prefix()}-${field}-error` : null;
  }

  protected onKeydown(e: KeyboardEvent): void {
    if (!this.editable()) return;
    const target = e.target as HTMLElement;
    if (e.key === 'Enter' && (target.tagName === 'INPUT' || target.tagName === 'SELECT')) {
      e.preventDefault();
      this.save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.cancel();
    }
  }

  /** Escape: the row's values as read, no message. */
  protected cancel(): void {
    this.draft.set(draftOf(this.current()));
    this.comment.set('');
    this.update.clear();
  }

  /** « recharger la ligne »: the item as it is now, after someone else's change. */
  protected reloadRow(): void {
    const c = this.current();
    const read: Observable<ActionView | MilestoneView> = c.kind === 'action' ? this.items.action(c.id) : this.items.milestone(c.id);
    this.update.send(read.pipe(tap((view) => this.current.set(afterWrite(c, view)))), this.i18n.t('Ligne rechargée.'));
  }

  protected save(): void {
    if (this.saving() || !this.editable()) return;
    const request = this.current().kind === 'action' ? this.actionRequest() : this.milestoneRequest();
    if (request) this.update.send(request, this.i18n.t('Enregistré'));
  }

  /** the action's writes: its status (with the comment), then its due date, each with the version it has then */
  private actionRequest(): Observable<unknown> | null {
    const c = this.current();
    const d = this.draft();
    const status = d.status ?? 'a_lancer';
    const progress = d.progress ?? Number.NaN;
    const comment = this.update.commentToSend();
    const statusChanged = status !== c.status || progress !== c.progress;
    const dueChanged = d.due !== c.due;
    if (!statusChanged && !dueChanged && !comment.comment) return this.nothing();
    const broken = [
      ...(statusChanged ? checkStatusProgress(status, progress) : []),
      ...(dueChanged ? checkActionDates(this.span(), { start: c.start ?? d.due, due: d.due }) : []),
    ];
    if (this.refuse(broken)) return null;
    const first: Observable<ActionView | null> =
      statusChanged || !dueChanged ? this.items.updateActionStatus(c.id, { version: c.version, status, progress, ...comment }) : of(null);
    return first.pipe(
      tap((view) => view && this.current.set(afterWrite(c, view))),
      switchMap((view) =>
        dueChanged
          ? this.items.updateAction(c.id, { version: view?.version ?? c.version, due: d.due, ...(view ? {} : comment) })
          : of(view),
      ),
      tap((view) => view && this.current.set(afterWrite(c, view))),
    );
  }

  /** the milestone's write: its date and « atteint le » in one change */
  private milestoneRequest(): Observable<unknown> | null {
    const c = this.current();
    const d = this.draft();
    const achievedOn = d.achievedOn || null;
    const comment = this.update.commentToSend();
    const dateChanged = d.due !== c.due;
    const achievedChanged = achievedOn !== c.achievedOn;
    if (!dateChanged && !achievedChanged && !comment.comment) return this.nothing();
    if (this.refuse(dateChanged ? checkMilestoneDate(this.span(), d.due) : [])) return null;
    return this.items
      .updateMilestone(c.id, {
        version: c.version,
        ...(dateChanged ? { date: d.due } : {}),
        ...(achievedChanged || !dateChanged ? { achievedOn } : {}),
        ...comment,
      })
      .pipe(tap((view) => this.current.set(afterWrite(c, view))));
  }

  private nothing(): null {
    this.update.clear();
    this.update.saved.set(this.i18n.t('Rien à enregistrer'));
    return null;
  }

  /** The domain's refusal, next to the cells, before anything is sent; true when there is one. */
  private refuse(broken: readonly RuleViolation[]): boolean {
    if (!broken.length) return false;
    this.update.clear();
    // a milestone's date is the row's « due » cell
    this.update.errors.set(toFormErrors(broken, FIELDS));
    return true;
  }
}
