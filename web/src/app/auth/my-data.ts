import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';

import { toApiRequestError } from '../data/api-error';
import { PrivacyService } from '../data/privacy.service';
import type { PersonalDataFile } from '../data/privacy.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { SaveStatus } from '../shared/form-status';

/**
 * « Mes données » on the account page (the right of access, issue 13): what the file holds, a link
 * to the privacy notice, and the download. Fetched with HttpClient rather than a plain link, so that
 * an ended session goes through the session interceptor (back to sign-in) and a refusal is said on
 * this page instead of being saved as a file; the JSON then goes to disk through an object URL.
 */
@Component({
  selector: 'jl-my-data',
  imports: [RouterLink, SaveStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="titre-mes-donnees" data-testid="my-data">
      <h2 id="titre-mes-donnees">{{ 'Mes données' | t: lang() }}</h2>
      <p id="mes-donnees-aide">
        {{
          'Un fichier JSON avec tout ce que Jalons garde sur vous : votre compte et vos préférences, vos sessions, vos adresses de calendrier, vos rappels et les courriels qui vous ont été adressés, les lignes d’historique que vous avez écrites, ce dont vous êtes responsable, vos mesures, preuves, versions de référence, réunions et décisions. Jamais de mot de passe ni de jeton.'
            | t: lang()
        }}
        <a routerLink="/donnees-personnelles">{{ 'Vos droits et les durées de conservation' | t: lang() }}</a>
      </p>
      @if (refusal(); as message) {
        <p class="notice notice--error" role="alert">{{ message }}</p>
      }
      <jl-save-status [busy]="busy()" [busyText]="'Préparation du fichier…' | t: lang()" [done]="done()" notice="success" />
      <button
        type="button"
        class="button button--primary"
        aria-describedby="mes-donnees-aide"
        [disabled]="busy()"
        (click)="download()"
        data-testid="download-my-data"
      >
        {{ 'Télécharger mes données (JSON)' | t: lang() }}
      </button>
    </section>
  `,
})
export class MyData {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly privacy = inject(PrivacyService);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly busy = signal(false);
  protected readonly done = signal<string | null>(null);
  protected readonly refusal = signal<string | null>(null);

  protected download(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.done.set(null);
    this.refusal.set(null);
    this.privacy
      .myData()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (file) => {
          this.busy.set(false);
          this.save(file);
          this.done.set(this.i18n.t('Fichier {filename} téléchargé.', { filename: file.filename }));
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.refusal.set(
            this.i18n.t('Téléchargement impossible : {message}', { message: toApiRequestError(err, this.i18n.translate()).message }),
          );
        },
      });
  }

  /** Hands the file to the browser: a link to an object URL, clicked, then let go. */
  private save(file: PersonalDataFile): void {
    const view = this.document.defaultView;
    if (!view?.URL?.createObjectURL) return;
    const url = view.URL.createObjectURL(file.blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = file.filename;
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    view.setTimeout(() => view.URL.revokeObjectURL(url), 1_000);
  }
}
