import type { NewRoadmapDto, RoadmapPreviewView } from '@jalons/contract';
import { ROADMAP_TEXT_MAX } from '@jalons/domain';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { toApiRequestError } from '../data/api-error';
import { RoadmapSetupService } from '../data/roadmap-setup.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { RoadmapDirectory } from '../roadmap/roadmap-directory';
import { roadmapPath } from '../roadmap/roadmap-path';
import { DataTable } from '../shared/data-table';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError, toFormErrors } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';
import { FrDatePipe } from '../shared/fr-date.pipe';

const FIELDS = ['territory', 'firstRound', 'secondRound', 'nextElection', 'slug'] as const;
const PREFIX = 'new-roadmap';

/**
 * A new roadmap from the kit: the territory and the election (first round, second round if any,
 * next election), the address if the proposed one does not suit; « Prévisualiser » shows the four
 * phases with their dates and what the kit brings, « Créer la feuille de route » writes it and
 * opens it. The preview stands for the values it was asked with: change one, preview again.
 */
@Component({
  selector: 'jl-new-roadmap-page',
  imports: [FormsModule, RouterLink, FORM_FIELD, FORM_STATUS, DataTable, FrDatePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './new-roadmap-page.html',
  styleUrl: './new-roadmap-page.scss',
})
export class NewRoadmapPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly setup = inject(RoadmapSetupService);
  private readonly directory = inject(RoadmapDirectory);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  protected readonly max = ROADMAP_TEXT_MAX;
  protected readonly territory = signal('');
  protected readonly firstRound = signal('');
  protected readonly secondRound = signal('');
  protected readonly nextElection = signal('');
  protected readonly slug = signal('');
  /** the « Adresse » section, opened by hand or to show its error */
  protected readonly advanced = signal(false);

  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly busy = signal<'preview' | 'create' | null>(null);
  private readonly previewed = signal<{ request: string; view: RoadmapPreviewView } | null>(null);

  /** what the form asks for, as the API takes it (optional fields left out when empty) */
  private readonly request = computed<NewRoadmapDto>(() => ({
    territory: this.territory().trim(),
    firstRound: this.firstRound(),
    ...(this.secondRound() ? { secondRound: this.secondRound() } : {}),
    ...(this.nextElection() ? { nextElection: this.nextElection() } : {}),
    ...(this.slug().trim() ? { slug: this.slug().trim() } : {}),
  }));
  /** the preview of the values now in the form; none once one of them changes */
  protected readonly preview = computed(() => {
    const p = this.previewed();
    return p && p.request === JSON.stringify(this.request()) ? p.view : null;
  });
  protected readonly stale = computed(() => this.previewed() !== null && this.preview() === null);

  /** The checks the page can make itself: a territory and a first round. */
  private missing(): FormErrors | null {
    const t = this.i18n.translate();
    const violations = [
      ...(this.territory().trim() ? [] : [{ field: 'territory', message: t('Indiquez le territoire.') }]),
      ...(this.firstRound() ? [] : [{ field: 'firstRound', message: t('Indiquez la date du premier tour (JJ/MM/AAAA).') }]),
    ];
    return violations.length ? toFormErrors(violations, FIELDS) : null;
  }

  private refused(err: unknown): void {
    this.busy.set(null);
    const errors = apiFormErrors(toApiRequestError(err, this.i18n.translate()), FIELDS);
    if (errors.byField['slug']) this.advanced.set(true);
    this.errors.set(errors);
    focusFirstError(this.errors, FIELDS, PREFIX, this.injector);
  }

  protected askPreview(): void {
    if (this.busy()) return;
    const missing = this.missing();
    if (missing) {
      this.errors.set(missing);
      focusFirstError(this.errors, FIELDS, PREFIX, this.injector);
      return;
    }
    const request = this.request();
    this.errors.set(NO_ERRORS);
    this.busy.set('preview');
    this.setup
      .preview(request)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.busy.set(null);
          this.previewed.set({ request: JSON.stringify(request), view });
          this.focus('titre-apercu');
        },
        error: (err: unknown) => this.refused(err),
      });
  }

  protected create(): void {
    const view = this.preview();
    if (this.busy() || !view) return;
    this.errors.set(NO_ERRORS);
    this.busy.set('create');
    this.setup
      .create(this.request())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (created) => {
          this.busy.set(null);
          this.directory.refresh();
          void this.router.navigate(roadmapPath(created.slug));
        },
        error: (err: unknown) => this.refused(err),
      });
  }

  private focus(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
