import type { ApiFieldError, ImportFieldChangeView, ImportPlanView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, inject, input, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { ImportService } from '../data/import.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { InRoadmapPipe } from '../roadmap/in-roadmap.pipe';
import { FrDatePipe } from '../shared/fr-date.pipe';

const DATE_FIELDS = new Set(['start', 'due', 'date', 'achievedOn']);

/**
 * « Importer un tableur », for the project lead: the XLSX (or CSV) exported by Jalons, edited in a
 * spreadsheet, is first analysed (the API's dry run: what changes, field by field, what is created,
 * what is refused and why, what changed in Jalons since the export), then applied — all or nothing,
 * only when nothing is refused or in conflict.
 */
@Component({
  selector: 'jl-import-page',
  imports: [FrDatePipe, InRoadmapPipe, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
})
export class ImportPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** the roadmap's id, resolved from the slug of the URL */
  readonly roadmap = input.required<string>();

  private readonly imports = inject(ImportService);
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly current = inject(CurrentRoadmap);
  protected readonly slug = computed(() => this.current.roadmap()?.slug ?? null);
  protected readonly canImport = this.auth.canManageRoadmap;
  /** the API's IMPORT_MAX_BYTES, in Mo (the web app takes only types from the contract) */
  protected readonly maxMegabytes = 5;

  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal<'analyse' | 'apply' | null>(null);
  /** why the last analysis or import failed, with the rows at fault when the API lists them */
  protected readonly error = signal<{ message: string; errors: ApiFieldError[] } | null>(null);
  /** the dry run's plan, then the applied one */
  protected readonly plan = signal<ImportPlanView | null>(null);
  protected readonly applied = computed(() => this.plan()?.applied ?? false);

  private readonly planHeading = viewChild<ElementRef<HTMLElement>>('planHeading');
  private readonly errorBox = viewChild<ElementRef<HTMLElement>>('errorBox');

  protected onFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    this.plan.set(null);
    this.error.set(null);
  }

  protected analyse(event: Event): void {
    event.preventDefault();
    this.send(true);
  }

  protected apply(): void {
    if (this.plan()?.canApply) this.send(false);
  }

  private send(dryRun: boolean): void {
    const file = this.file();
    if (this.busy()) return;
    if (!file) {
      this.error.set({ message: this.i18n.t('Choisissez d’abord le fichier à importer.'), errors: [] });
      setTimeout(() => this.errorBox()?.nativeElement.focus());
      return;
    }
    this.busy.set(dryRun ? 'analyse' : 'apply');
    this.error.set(null);
    this.imports
      .run(this.roadmap(), file, dryRun)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (plan) => {
          this.busy.set(null);
          this.plan.set(plan);
          setTimeout(() => this.planHeading()?.nativeElement.focus());
        },
        error: (e: unknown) => {
          this.busy.set(null);
          const failure = toApiRequestError(e, this.i18n.translate());
          this.error.set({ message: failure.message, errors: failure.body?.errors ?? [] });
          setTimeout(() => this.errorBox()?.nativeElement.focus());
        },
      });
  }

  /** A value of a change as people read it: dates dd/mm/yyyy, nothing as « — ». */
  protected shown(change: ImportFieldChangeView, value: string | null): string {
    if (value === null) return '—';
    return DATE_FIELDS.has(change.field) ? new FrDatePipe().transform(value) : value;
  }

  protected itemLink(itemType: 'action' | 'milestone', id: string): string[] {
    return [itemType === 'action' ? '/actions' : '/jalons', id];
  }
}
