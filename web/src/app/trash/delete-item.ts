import { TRASH_DAYS } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';

import { toApiRequestError } from '../data/api-error';
import { TrashKind, TrashService } from '../data/trash.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';

/**
 * « Supprimer » on an item's page, for whoever may write it: a confirmation in a modal dialog
 * naming the item (focus inside, Escape or « Annuler » closes it and gives the focus back to the
 * button), then the item goes to the Corbeille and the page moves there, which says so.
 */
@Component({
  selector: 'jl-delete-item',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './delete-item.html',
})
export class DeleteItem {
  protected readonly lang = inject(I18n).lang;
  private readonly i18n = inject(I18n);
  private readonly trash = inject(TrashService);
  private readonly router = inject(Router);

  /** whether the signed-in person may write the item (the lead, the owner of its function): otherwise nothing shows */
  readonly allowed = input.required<boolean>();
  readonly kind = input.required<TrashKind>();
  readonly itemId = input.required<string>();
  /** the version read: a deletion over a newer one is refused (409) */
  readonly version = input.required<number>();
  readonly itemTitle = input.required<string>();
  /** the roadmap's slug, for the Corbeille's address */
  readonly slug = input.required<string>();

  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('dialog');
  private readonly opener = viewChild<ElementRef<HTMLButtonElement>>('opener');
  private readonly cancelButton = viewChild<ElementRef<HTMLButtonElement>>('cancelButton');

  protected readonly days = TRASH_DAYS;
  protected readonly open = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly question = computed(() =>
    this.kind() === 'action'
      ? this.i18n.t('Supprimer l’action « {title} » ?', { title: this.itemTitle() })
      : this.i18n.t('Supprimer le jalon « {title} » ?', { title: this.itemTitle() }),
  );
  protected readonly dialogId = computed(() => `suppression-${this.itemId()}`);

  protected show(): void {
    this.error.set(null);
    const dialog = this.dialog()?.nativeElement;
    if (!dialog) return;
    // jsdom (the unit tests) has no showModal: the dialog is then merely open
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    this.open.set(true);
    // the safe choice first: Enter on an opened dialog cancels
    this.cancelButton()?.nativeElement.focus();
  }

  /** Closes the dialog (Escape, « Annuler », or the native close), the focus back on « Supprimer ». */
  protected close(): void {
    if (this.busy()) return;
    const dialog = this.dialog()?.nativeElement;
    if (dialog?.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
    if (!this.open()) return;
    this.open.set(false);
    this.opener()?.nativeElement.focus();
  }

  /** Escape: the browser closes a modal dialog itself (the `close` event follows); without one, we do. */
  protected cancel(event: Event): void {
    event.preventDefault();
    this.close();
  }

  protected confirm(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.trash.remove(this.kind(), this.itemId(), this.version()).subscribe({
      next: () => {
        this.busy.set(false);
        this.close();
        void this.router.navigate(roadmapPath(this.slug(), 'corbeille'), { queryParams: { supprime: this.itemId() } });
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const e = toApiRequestError(err, this.i18n.translate());
        this.error.set(
          e.status === 409
            ? this.i18n.t(
                'Cet élément a été modifié entre-temps : fermez cette fenêtre, rechargez la page, puis supprimez-le de nouveau si besoin.',
              )
            : e.message,
        );
      },
    });
  }
}
