import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';

import { ActorsService } from '../data/actors.service';
import { toApiRequestError } from '../data/api-error';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';

/** What the register is told after a deletion (router state), to say it. */
export interface ActorDeletedState {
  deletedActor: string;
}

/**
 * « Supprimer l’acteur », for the project lead: a modal dialog naming the actor and what goes with it (its
 * assessments, its links to actions — for good: the register has no Corbeille); « Annuler » first. Once deleted,
 * the register opens and says so.
 */
@Component({
  selector: 'jl-delete-actor',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button #opener type="button" class="button button--danger" aria-haspopup="dialog" (click)="show()" data-testid="delete-actor">
      {{ 'Supprimer l’acteur' | t: lang() }}
    </button>
    <dialog
      #dialog
      tabindex="-1"
      class="confirm-dialog"
      aria-labelledby="suppression-acteur-titre"
      aria-describedby="suppression-acteur-texte"
      (cancel)="cancel($event)"
      (close)="close()"
      data-testid="delete-actor-dialog"
    >
      <h2 id="suppression-acteur-titre">{{ 'Supprimer l’acteur « {name} » ?' | t: lang() : { name: actorName() } }}</h2>
      <p id="suppression-acteur-texte">
        {{ 'Ses évaluations et ses liens aux actions seront supprimés avec lui. La suppression est définitive.' | t: lang() }}
      </p>
      @if (error(); as message) {
        <p class="notice notice--error" role="alert">{{ message }}</p>
      }
      <div class="dialog-actions">
        <button #cancelButton type="button" class="button" (click)="close()" [disabled]="busy()">{{ 'Annuler' | t: lang() }}</button>
        <button type="button" class="button button--danger" (click)="confirm()" [disabled]="busy()" data-testid="confirm-delete-actor">
          @if (busy()) {
            {{ 'Suppression…' | t: lang() }}
          } @else {
            {{ 'Supprimer' | t: lang() }}
          }
        </button>
      </div>
    </dialog>
  `,
})
export class DeleteActor {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly actors = inject(ActorsService);
  private readonly router = inject(Router);

  readonly actorId = input.required<string>();
  readonly actorName = input.required<string>();
  /** the roadmap's slug, for the register's address */
  readonly slug = input.required<string>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly opener = viewChild.required<ElementRef<HTMLButtonElement>>('opener');
  private readonly cancelButton = viewChild.required<ElementRef<HTMLButtonElement>>('cancelButton');

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private open = false;

  protected show(): void {
    this.error.set(null);
    const dialog = this.dialog().nativeElement;
    // jsdom (the unit tests) has no showModal: the dialog is then merely open
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    this.open = true;
    this.cancelButton().nativeElement.focus();
  }

  protected close(): void {
    if (this.busy()) return;
    const dialog = this.dialog().nativeElement;
    if (dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
    if (!this.open) return;
    this.open = false;
    this.opener().nativeElement.focus();
  }

  protected cancel(event: Event): void {
    event.preventDefault();
    this.close();
  }

  protected confirm(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.actors.remove(this.actorId()).subscribe({
      next: () => {
        this.busy.set(false);
        this.open = false;
        const dialog = this.dialog().nativeElement;
        if (dialog.open && typeof dialog.close === 'function') dialog.close();
        const state: ActorDeletedState = { deletedActor: this.actorName() };
        void this.router.navigate(roadmapPath(this.slug(), 'acteurs'), { state });
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(toApiRequestError(err, this.i18n.translate()).message);
      },
    });
  }
}
