import type { RoadmapSummaryView } from '@jalons/contract';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';

import { toApiRequestError } from '../data/api-error';
import { RoadmapsService } from '../data/roadmaps.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { SaveStatus } from '../shared/form-status';

/**
 * The project lead's setting of a roadmap's public page (/public/<slug>): on or off, saved with the
 * roadmap's version; when on, the address to share.
 */
@Component({
  selector: 'jl-public-page-setting',
  imports: [RouterLink, SaveStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="titre-page-publique" data-testid="public-page-setting">
      <h2 id="titre-page-publique">{{ 'Page publique' | t: lang() }}</h2>
      <p class="field-hint">
        {{
          'Ouverte, elle montre à tous, sans compte, l’avancement par phase et par fonction et les jalons, sans aucun nom ni commentaire.'
            | t: lang()
        }}
      </p>
      @if (settings().publicPage) {
        <p data-testid="public-page-state">
          {{ 'La page publique est' | t: lang() }}
          <strong>{{ 'ouverte' | t: lang() }}</strong> :
          <a [routerLink]="['/public', roadmap().slug]">{{ address() }}</a>
        </p>
      } @else {
        <p data-testid="public-page-state">
          {{ 'La page publique est' | t: lang() }}
          <strong>{{ 'fermée' | t: lang() }}</strong
          >.
        </p>
      }
      @if (refusal(); as message) {
        <p class="notice notice--error" role="alert">{{ message }}</p>
      }
      <jl-save-status [busy]="saving()" [done]="saved()" />
      <button type="button" class="button" [disabled]="saving()" (click)="toggle()">
        {{ settings().publicPage ? ('Fermer la page publique' | t: lang()) : ('Ouvrir la page publique' | t: lang()) }}
      </button>
    </section>
  `,
})
export class PublicPageSetting {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly roadmap = input.required<RoadmapSummaryView>();
  /** the roadmap's settings as saved (or as found after a conflict), with their new version */
  readonly changed = output<RoadmapSummaryView>();

  private readonly roadmaps = inject(RoadmapsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly origin = inject(DOCUMENT).location.origin;

  /** the settings as last read or saved */
  protected readonly settings = linkedSignal(() => ({
    publicPage: this.roadmap().publicPage,
    version: this.roadmap().version,
  }));
  protected readonly address = computed(() => `${this.origin}/public/${this.roadmap().slug}`);
  protected readonly saving = signal(false);
  protected readonly saved = signal<string | null>(null);
  protected readonly refusal = signal<string | null>(null);

  protected toggle(): void {
    if (this.saving()) return;
    const { publicPage, version } = this.settings();
    const id = this.roadmap().id;
    this.saving.set(true);
    this.saved.set(null);
    this.refusal.set(null);
    this.roadmaps
      .updateSettings(id, { version, publicPage: !publicPage })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (r) => {
          this.saving.set(false);
          this.settings.set({ publicPage: r.publicPage, version: r.version });
          this.changed.emit(r);
          this.saved.set(r.publicPage ? this.i18n.t('Page publique ouverte.') : this.i18n.t('Page publique fermée.'));
        },
        error: (err: unknown) => {
          this.saving.set(false);
          const e = toApiRequestError(err, this.i18n.translate());
          if (e.status !== 409) {
            this.refusal.set(
              this.i18n.t('Modification refusée : {message}', {
                message: e.message,
              }),
            );
            return;
          }
          this.refusal.set(this.i18n.t('Ce réglage a été modifié entre-temps par quelqu’un d’autre : voici son état actuel.'));
          // the current settings, to decide again
          this.roadmaps
            .get(id)
            .pipe(takeUntilDestroyed(this.destroyRef))
            .subscribe({
              next: (current) => {
                this.settings.set({
                  publicPage: current.publicPage,
                  version: current.version,
                });
                this.changed.emit(current);
              },
              error: () => undefined,
            });
        },
      });
  }
}
