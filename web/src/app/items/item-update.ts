import type { HistoryEntryView } from '@jalons/contract';
import { DestroyRef, Signal, WritableSignal, computed, inject, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable, forkJoin, map, switchMap, tap } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { ChronogramService } from '../data/chronogram.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { I18n } from '../i18n/i18n';
import { FormErrors, NO_ERRORS, apiFormErrors } from '../shared/form-errors';
import { ItemContext, itemContext } from './item-context';

/** An action or a milestone, as far as its page needs to place it. */
interface PlacedItem {
  roadmapId: string;
  functionId: string;
  phaseId: string;
}

/**
 * Loads what an item's page shows: the item, then its history and its roadmap's chronogram (to name
 * its function, phase and neighbours), the roadmap becoming the current one. Call it in an injection
 * context (a field of the page).
 */
export function itemLoader<T extends PlacedItem>(
  history: (id: string) => Observable<HistoryEntryView[]>,
): (item$: Observable<T>, id: string) => Observable<{ item: T; history: HistoryEntryView[]; context: ItemContext }> {
  const chronograms = inject(ChronogramService);
  const currentRoadmap = inject(CurrentRoadmap);
  return (item$, id) =>
    item$.pipe(
      switchMap((item) =>
        forkJoin({ history: history(id), view: chronograms.get(item.roadmapId) }).pipe(
          tap(({ view }) => currentRoadmap.set(view.roadmap)),
          map(({ history, view }) => ({ item, history, context: itemContext(view, item.functionId, item.phaseId) })),
        ),
      ),
    );
}

/**
 * Whether the one signed in may change the item: the project lead, or the owner of its function;
 * otherwise its page is read-only. Call it in an injection context.
 */
export function canUpdateItem(item: () => Pick<PlacedItem, 'functionId'> | undefined): Signal<boolean> {
  const auth = inject(AuthService);
  return computed(() => {
    const it = item();
    return !!it && auth.canWriteItemsOf(it.functionId);
  });
}

/**
 * The update form of an item's page (an action's status, a milestone achieved): the comment, emptied
 * whenever the item is (re)loaded, the messages, a version conflict, the sending and its
 * confirmation; and how a change is sent. Create it in an injection context (a field of the page).
 */
export class ItemUpdate {
  readonly comment: WritableSignal<string>;
  readonly errors = signal<FormErrors>(NO_ERRORS);
  /** someone else changed the item first (409): the page offers to reload it */
  readonly conflict = signal(false);
  readonly saving = signal(false);
  readonly saved = signal<string | null>(null);

  private readonly destroyRef = inject(DestroyRef);
  private readonly i18n = inject(I18n);

  constructor(
    item: Signal<unknown>,
    /** the form's fields: the API's errors on others are shown above it */
    private readonly fields: readonly string[],
    /** loads the item again, without « loading » */
    private readonly reload: () => void,
  ) {
    this.comment = linkedSignal({ source: item, computation: () => '' });
  }

  /** Forgets the last outcome: messages, conflict, confirmation. */
  clear(): void {
    this.errors.set(NO_ERRORS);
    this.conflict.set(false);
    this.saved.set(null);
  }

  /** The comment typed, trimmed, as the API takes it: absent when empty. */
  commentToSend(): { comment?: string } {
    const comment = this.comment().trim();
    return comment ? { comment } : {};
  }

  /**
   * Sends a change: once saved, says `done` and reloads the item; a 409 is a conflict; another
   * refusal is spread over the fields (`refused` runs first, to put the keyboard on them).
   */
  send(request: Observable<unknown>, done: string, refused?: () => void): void {
    this.clear();
    this.saving.set(true);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.saving.set(false);
        this.saved.set(done);
        this.reload();
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiRequestError(err, this.i18n.translate());
        if (e.status === 409) {
          this.conflict.set(true);
          return;
        }
        refused?.();
        this.errors.set(apiFormErrors(e, this.fields));
      },
    });
  }
}
