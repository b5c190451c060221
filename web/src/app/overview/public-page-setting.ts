import type { RoadmapSummaryView } from '@jalons/contract';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';

import { toApiRequestError } from '../data/api-error';
import { RoadmapsService } from '../data/roadmaps.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FormErrorList, SaveStatus } from '../shared/form-status';

const ORIGIN_FIELDS = ['embedOrigins'] as const;

/** The lines of the textarea: one site each, blank lines dropped (the API checks and normalises them). */
export function originLines(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The HTML a site pastes to show the widget; 300 × 250, the widget's smaller size (README « Page publique »). */
export function embedSnippet(origin: string, slug: string, territory: string): string {
  const title = `Avancement de la feuille de route — ${territory}`.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<iframe src="${origin}/public/${encodeURIComponent(slug)}/encart" title="${title}" width="300" height="250" style="border:0"></iframe>`;
}

/**
 * The project lead's setting of a roadmap's public page (/public/<slug>): on or off, saved with the
 * roadmap's version; when on, the address to share, the sites allowed to show its widget in a frame
 * (`frame-ancestors`, ADR 0025) and the code to paste there.
 */
@Component({
  selector: 'jl-public-page-setting',
  imports: [FormsModule, RouterLink, FORM_FIELD, FormErrorList, SaveStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './public-page-setting.html',
  styleUrl: './public-page-setting.scss',
})
export class PublicPageSetting {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly roadmap = input.required<RoadmapSummaryView>();
  /** the roadmap's settings as saved (or as found after a conflict), with their new version */
  readonly changed = output<RoadmapSummaryView>();

  private readonly roadmaps = inject(RoadmapsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly origin = this.document.location.origin;

  /** the settings as last read or saved */
  protected readonly settings = linkedSignal(() => ({
    publicPage: this.roadmap().publicPage,
    version: this.roadmap().version,
  }));
  protected readonly address = computed(() => `${this.origin}/public/${this.roadmap().slug}`);
  protected readonly saving = signal(false);
  protected readonly saved = signal<string | null>(null);
  protected readonly refusal = signal<string | null>(null);

  /** the sites allowed to frame the widget, one a line, as saved until edited */
  protected readonly originsText = linkedSignal(() => this.roadmap().embedOrigins.join('\n'));
  protected readonly originErrors = signal<FormErrors>(NO_ERRORS);
  protected readonly savingOrigins = signal(false);
  protected readonly savedOrigins = signal<string | null>(null);
  protected readonly copied = signal<string | null>(null);
  protected readonly embedCode = computed(() => embedSnippet(this.origin, this.roadmap().slug, this.roadmap().territory));

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

  protected saveOrigins(): void {
    if (this.savingOrigins()) return;
    const t = this.i18n.translate();
    const { version } = this.settings();
    const id = this.roadmap().id;
    this.originErrors.set(NO_ERRORS);
    this.savedOrigins.set(null);
    this.savingOrigins.set(true);
    this.roadmaps
      .updateSettings(id, { version, embedOrigins: originLines(this.originsText()) })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (r) => {
          this.savingOrigins.set(false);
          this.settings.set({ publicPage: r.publicPage, version: r.version });
          this.originsText.set(r.embedOrigins.join('\n'));
          this.savedOrigins.set(
            r.embedOrigins.length
              ? t('Sites autorisés enregistrés : {count}.', { count: r.embedOrigins.length })
              : t('Aucun site n’est autorisé à intégrer l’encart.'),
          );
          this.changed.emit(r);
        },
        error: (err: unknown) => {
          this.savingOrigins.set(false);
          const e = toApiRequestError(err, t);
          if (e.status === 409) {
            this.originErrors.set({
              byField: {},
              general: [t('Ce réglage a été modifié entre-temps par quelqu’un d’autre : voici son état actuel.')],
            });
            this.reload(id);
            return;
          }
          this.originErrors.set(apiFormErrors(e, ORIGIN_FIELDS));
          focusFirstError(this.originErrors, ORIGIN_FIELDS, 'embed', this.injector);
        },
      });
  }

  /** Copies the code; where the browser refuses, selects it for Ctrl+C. */
  protected copyCode(): void {
    const clipboard = this.document.defaultView?.navigator.clipboard;
    const fallback = () => {
      const field = this.document.getElementById('embed-code');
      if (field instanceof HTMLTextAreaElement) {
        field.focus();
        field.select();
      }
      this.copied.set(
        this.i18n.t('La copie automatique n’est pas possible ici : le code est sélectionné, copiez-le avec Ctrl+C (ou Cmd+C).'),
      );
    };
    if (!clipboard) {
      fallback();
      return;
    }
    clipboard.writeText(this.embedCode()).then(() => this.copied.set(this.i18n.t('Code copié dans le presse-papiers.')), fallback);
  }

  protected selectAll(event: FocusEvent): void {
    if (event.target instanceof HTMLTextAreaElement) event.target.select();
  }

  /** After a conflict: the roadmap's settings as they now are, and their version. */
  private reload(id: string): void {
    this.roadmaps
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (current) => {
          this.settings.set({ publicPage: current.publicPage, version: current.version });
          this.changed.emit(current);
        },
        error: () => undefined,
      });
  }
}
