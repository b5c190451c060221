import type { EvidenceKind, EvidenceView } from '@jalons/contract';
import { EVIDENCE_KINDS } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { EvidenceService } from '../data/evidence.service';
import type { EvidenceItemType } from '../data/evidence.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError, refusalMessage } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';
import { EVIDENCE_KIND_LABELS } from '../shared/labels';
import { loadable } from '../shared/loadable';
import { formatParisDateTime } from '../shared/paris-time';

const FIELDS = ['title', 'url', 'kind'] as const;

/**
 * « Preuves et documents » on an action's or a milestone's page (docs/evidence.md): its links, newest
 * first, each with its kind, who added it and when; the item's writers (the lead, the owner of its
 * function) add and delete them. Reloaded when the item's version changes (a status saved with its proof).
 */
@Component({
  selector: 'jl-item-evidence',
  imports: [FormsModule, FORM_FIELD, FORM_STATUS, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './item-evidence.html',
  styles: `
    .evidence li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.5rem;
      padding: 0.35rem 0;
      border-bottom: 1px solid var(--border, #ddd);
    }
    .evidence a {
      overflow-wrap: anywhere;
    }
    .evidence-kind {
      display: inline-block;
      padding: 0 0.4rem;
      border: 1px solid currentColor;
      border-radius: 0.75rem;
      font-size: 0.85em;
      white-space: nowrap;
    }
    .evidence .field-hint {
      margin: 0;
    }
  `,
})
export class ItemEvidence {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly evidence = inject(EvidenceService);
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  readonly itemType = input.required<EvidenceItemType>();
  readonly item = input.required<{ id: string; functionId: string; version: number }>();

  private readonly query = computed(() => ({ type: this.itemType(), id: this.item().id, version: this.item().version }), {
    equal: (a, b) => a.type === b.type && a.id === b.id && a.version === b.version,
  });
  protected readonly links = loadable(this.query, (q) => this.evidence.list(q.type, q.id));
  /** the lead, or the owner of the item's function */
  protected readonly canWrite = computed(() => this.auth.canWriteItemsOf(this.item().functionId));
  protected readonly prefix = computed(() => `${this.itemType()}-evidence`);

  protected readonly kinds = EVIDENCE_KINDS;
  protected readonly kindLabels = EVIDENCE_KIND_LABELS;
  protected readonly title = signal('');
  protected readonly url = signal('');
  protected readonly kind = signal<EvidenceKind>('document');
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  protected readonly done = signal<string | null>(null);

  protected addedWhen(e: EvidenceView): string {
    return formatParisDateTime(e.addedAt, this.lang());
  }

  protected add(): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    this.start();
    const link = { title: this.title().trim(), url: this.url().trim(), kind: this.kind() };
    this.evidence
      .add(this.itemType(), this.item().id, link)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.finish(t('Preuve ajoutée.'));
          this.title.set('');
          this.url.set('');
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.errors.set(apiFormErrors(toApiRequestError(err, t), FIELDS));
          focusFirstError(this.errors, FIELDS, this.prefix(), this.injector);
        },
      });
  }

  protected remove(e: EvidenceView): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    this.start();
    this.evidence
      .remove(e.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => this.finish(t('Preuve « {title} » supprimée.', { title: e.title })),
        error: (err: unknown) => {
          this.saving.set(false);
          this.errors.set({ byField: {}, general: [refusalMessage(toApiRequestError(err, t))] });
        },
      });
  }

  private start(): void {
    this.saving.set(true);
    this.errors.set(NO_ERRORS);
    this.done.set(null);
  }

  private finish(message: string): void {
    this.saving.set(false);
    this.done.set(message);
    this.links.reload();
  }
}
