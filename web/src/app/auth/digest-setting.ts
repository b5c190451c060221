import type { DigestFrequency } from '@jalons/domain';
import { DIGEST_FREQUENCIES, DIGEST_LABELS } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { SaveStatus } from '../shared/form-status';

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * « Rappels par courriel » on the account page: a recap of one's reminders every day, every Monday,
 * or none (the bell only). Saved with PUT /api/auth/preferences.
 */
@Component({
  selector: 'jl-digest-setting',
  imports: [FormsModule, SaveStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="titre-rappels-courriel" data-testid="digest-setting">
      <h2 id="titre-rappels-courriel">
        {{ 'Rappels par courriel' | t: lang() }}
      </h2>
      <p class="field-hint">
        {{
          'Les rappels d’échéance arrivent toujours dans la cloche « Rappels » de Jalons. Vous pouvez aussi en recevoir un récapitulatif par courriel.'
            | t: lang()
        }}
      </p>
      @if (refusal(); as message) {
        <p class="notice notice--error" role="alert">{{ message }}</p>
      }
      <jl-save-status [busy]="saving()" [done]="saved()" notice="success" />
      <form novalidate (ngSubmit)="save()">
        <fieldset class="choice-group">
          <legend>
            {{ 'Fréquence des courriels de rappel' | t: lang() }}
          </legend>
          @for (option of options; track option.value) {
            <div class="choice">
              <input type="radio" name="digest" [id]="'digest-' + option.value" [value]="option.value" [(ngModel)]="digest" />
              <label [for]="'digest-' + option.value">{{ option.label | t: lang() }}</label>
            </div>
          }
        </fieldset>
        <button type="submit" class="button button--primary" [disabled]="saving()">
          {{ 'Enregistrer ma préférence' | t: lang() }}
        </button>
      </form>
    </section>
  `,
})
export class DigestSetting {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly options = DIGEST_FREQUENCIES.map((value) => ({
    value,
    label: DIGEST_LABELS[value],
  }));
  /** the choice on screen, as saved until the person picks another */
  protected readonly digest = linkedSignal<DigestFrequency>(() => this.auth.me()?.digest ?? 'daily');
  protected readonly saving = signal(false);
  protected readonly saved = signal<string | null>(null);
  protected readonly refusal = signal<string | null>(null);

  protected save(): void {
    if (this.saving()) return;
    const digest = this.digest();
    this.saving.set(true);
    this.saved.set(null);
    this.refusal.set(null);
    this.auth
      .savePreferences(digest)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (me) => {
          this.saving.set(false);
          this.saved.set(
            this.i18n.t('Préférence enregistrée : {choice}.', {
              choice: lowerFirst(this.i18n.t(DIGEST_LABELS[me.digest])),
            }),
          );
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.refusal.set(
            this.i18n.t('Préférence non enregistrée : {message}', {
              message: toApiRequestError(err, this.i18n.translate()).message,
            }),
          );
        },
      });
  }
}
