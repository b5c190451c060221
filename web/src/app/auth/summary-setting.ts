import { ChangeDetectionStrategy, Component, DestroyRef, inject, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';

import { toApiRequestError } from '../data/api-error';
import { SummariesService } from '../data/summaries.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { SaveStatus } from '../shared/form-status';
import { loadable } from '../shared/loadable';

/**
 * « Point mensuel par courriel » on the account page: the e-mail of the first Monday of the month,
 * one per open roadmap (headline, what moved, what is late, the next milestones, a link to the
 * report). Elected officials receive it unless they turn it off; anyone may turn it on. Saved with
 * PUT /api/account/summary.
 */
@Component({
  selector: 'jl-summary-setting',
  imports: [FormsModule, SaveStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="titre-point-mensuel" data-testid="summary-setting">
      <h2 id="titre-point-mensuel">
        {{ 'Point mensuel par courriel' | t: lang() }}
      </h2>
      <p class="field-hint" id="point-mensuel-aide">
        {{
          'Le premier lundi de chaque mois, un courriel par feuille de route ouverte : la santé d’ensemble, ce qui a bougé le mois précédent, ce qui est en retard, les prochains jalons et le lien vers le rapport au conseil. Les élus le reçoivent sauf s’ils le désactivent.'
            | t: lang()
        }}
      </p>
      @if (current.error(); as message) {
        <p class="notice notice--error" role="alert">{{ message }}</p>
      } @else if (current.value()) {
        @if (refusal(); as message) {
          <p class="notice notice--error" role="alert">{{ message }}</p>
        }
        <jl-save-status [busy]="saving()" [done]="saved()" notice="success" />
        <form novalidate (ngSubmit)="save()">
          <div class="choice">
            <input type="checkbox" id="point-mensuel" name="enabled" aria-describedby="point-mensuel-aide" [(ngModel)]="enabled" />
            <label for="point-mensuel">{{ 'Recevoir le point mensuel' | t: lang() }}</label>
          </div>
          <button type="submit" class="button button--primary" [disabled]="saving()">
            {{ 'Enregistrer ce choix' | t: lang() }}
          </button>
        </form>
      } @else {
        <p aria-live="polite">{{ 'Chargement…' | t: lang() }}</p>
      }
    </section>
  `,
})
export class SummarySetting {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly summaries = inject(SummariesService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly current = loadable(() => this.summaries.get());
  /** the box on screen: as loaded, then as the person ticks it */
  protected readonly enabled = linkedSignal(() => this.current.value()?.enabled ?? false);
  protected readonly saving = signal(false);
  protected readonly saved = signal<string | null>(null);
  protected readonly refusal = signal<string | null>(null);

  protected save(): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.saved.set(null);
    this.refusal.set(null);
    this.summaries
      .save(this.enabled())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.saving.set(false);
          this.enabled.set(view.enabled);
          this.saved.set(
            view.enabled ? this.i18n.t('Vous recevrez le point mensuel.') : this.i18n.t('Vous ne recevrez plus le point mensuel.'),
          );
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.refusal.set(
            this.i18n.t('Choix non enregistré : {message}', {
              message: toApiRequestError(err, this.i18n.translate()).message,
            }),
          );
        },
      });
  }
}
