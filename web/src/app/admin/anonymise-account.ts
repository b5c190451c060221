import type { AccountView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, output, signal, viewChild } from '@angular/core';

import { toApiRequestError } from '../data/api-error';
import { PrivacyService } from '../data/privacy.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';

/**
 * « Anonymiser » in the administrator's accounts table (issue 13, ADR 0027), for a departed
 * person: a modal confirmation saying what happens and that it cannot be undone (the house's
 * `confirm-dialog`, as the Corbeille's deletion: focus on « Annuler », Escape closes, focus back on the
 * button), then the account comes back anonymised and the page says so. A refusal is said in the dialog.
 */
@Component({
  selector: 'jl-anonymise-account',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button #opener type="button" class="button" aria-haspopup="dialog" (click)="show()" data-testid="anonymise-account">
      {{ 'Anonymiser' | t: lang() }}<span class="visually-hidden"> {{ 'le compte de {name}' | t: lang() : { name: account().name } }}</span>
    </button>
    <dialog
      #dialog
      tabindex="-1"
      class="confirm-dialog"
      [attr.aria-labelledby]="dialogId() + '-titre'"
      [attr.aria-describedby]="dialogId() + '-texte'"
      (cancel)="cancel($event)"
      (close)="close()"
      (keydown.escape)="cancel($event)"
      data-testid="anonymise-dialog"
    >
      <h2 [id]="dialogId() + '-titre'">{{ 'Anonymiser le compte de {name} ?' | t: lang() : { name: account().name } }}</h2>
      <div [id]="dialogId() + '-texte'">
        <p>
          {{
            'Son nom et son adresse électronique seront remplacés par « Ancien·ne responsable » partout dans Jalons : historique, commentaires, comptes rendus, courriels envoyés. L’historique garde toutes ses lignes.'
              | t: lang()
          }}
        </p>
        <p>
          {{
            'Le compte ne pourra plus se connecter ; ses rappels et ses adresses de calendrier s’arrêtent, ses courriels en attente sont supprimés.'
              | t: lang()
          }}
        </p>
        <p>
          <strong>{{ 'Cette opération est définitive : elle ne peut pas être annulée.' | t: lang() }}</strong>
        </p>
      </div>
      @if (error(); as message) {
        <p class="notice notice--error" role="alert">{{ message }}</p>
      }
      <div class="dialog-actions">
        <button #cancelButton type="button" class="button" (click)="close()" [disabled]="busy()">
          {{ 'Annuler' | t: lang() }}
        </button>
        <button type="button" class="button button--danger" (click)="confirm()" [disabled]="busy()" data-testid="confirm-anonymise">
          @if (busy()) {
            {{ 'Anonymisation…' | t: lang() }}
          } @else {
            {{ 'Anonymiser définitivement' | t: lang() }}
          }
        </button>
      </div>
    </dialog>
  `,
})
export class AnonymiseAccount {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly privacy = inject(PrivacyService);

  readonly account = input.required<AccountView>();
  /** the account as it is after: the page reloads its list and says so */
  readonly anonymised = output<AccountView>();

  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('dialog');
  private readonly opener = viewChild<ElementRef<HTMLButtonElement>>('opener');
  private readonly cancelButton = viewChild<ElementRef<HTMLButtonElement>>('cancelButton');

  protected readonly open = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly dialogId = computed(() => `anonymiser-${this.account().id}`);

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

  /** Closes the dialog (Escape, « Annuler », or the native close), the focus back on « Anonymiser ». */
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

  protected cancel(event: Event): void {
    event.preventDefault();
    this.close();
  }

  protected confirm(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    const account = this.account();
    this.privacy.anonymise(account.id, account.version).subscribe({
      next: (after) => {
        this.busy.set(false);
        const dialog = this.dialog()?.nativeElement;
        if (dialog?.open) {
          if (typeof dialog.close === 'function') dialog.close();
          else dialog.removeAttribute('open');
        }
        this.open.set(false);
        this.anonymised.emit(after);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const e = toApiRequestError(err, this.i18n.translate());
        this.error.set(
          e.status === 409
            ? this.i18n.t('Ce compte a changé entre-temps ou est déjà anonymisé : fermez cette fenêtre et rechargez la page.')
            : this.i18n.t('Anonymisation refusée : {message}', { message: e.message }),
        );
      },
    });
  }
}
