import type { InstanceView } from '@jalons/contract';
import { GOVERNANCE_BOUNDS } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Observable } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { GovernanceService } from '../data/governance.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError, refusalMessage } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';

const FIELDS = ['name', 'description'] as const;

/**
 * « Instances » of the governance page: the roadmap's comités and their number of meetings; the
 * project lead adds one, renames one, or deletes one that has held no meeting (the API refuses
 * otherwise, and the page says why).
 */
@Component({
  selector: 'jl-instances-section',
  imports: [FormsModule, FORM_FIELD, FORM_STATUS, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './instances-section.html',
  styleUrl: './governance.scss',
})
export class InstancesSection {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly governance = inject(GovernanceService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  readonly roadmapId = input.required<string>();
  readonly instances = input.required<readonly InstanceView[]>();
  readonly canManage = input.required<boolean>();
  /** an instance was added, renamed or deleted: the page reloads its lists */
  readonly changed = output<void>();

  protected readonly bounds = GOVERNANCE_BOUNDS;
  protected readonly name = signal('');
  protected readonly description = signal('');
  /** the instance being renamed, and its new name */
  protected readonly editing = signal<string | null>(null);
  protected readonly newName = signal('');
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly editErrors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  protected readonly done = signal<string | null>(null);

  protected add(): void {
    const t = this.i18n.translate();
    const name = this.name().trim();
    if (!name) {
      this.addFailed({ byField: { name: t('Donnez un nom à l’instance.') }, general: [] });
      return;
    }
    const description = this.description().trim() || null;
    this.send(this.governance.createInstance(this.roadmapId(), { name, description }), t('Instance « {name} » ajoutée.', { name }), (e) =>
      this.addFailed(e),
    );
  }

  /** The messages beside the fields, and the keyboard on the first one to fix (ids `instance-<field>`). */
  private addFailed(errors: FormErrors): void {
    this.errors.set(errors);
    focusFirstError(this.errors, FIELDS, 'instance', this.injector);
  }

  protected startRename(instance: InstanceView): void {
    this.editing.set(instance.id);
    this.newName.set(instance.name);
    this.editErrors.set(NO_ERRORS);
    setTimeout(() => document.getElementById(`instance-rename-${instance.id}`)?.focus());
  }

  protected rename(instance: InstanceView): void {
    const t = this.i18n.translate();
    const name = this.newName().trim();
    if (!name) {
      this.editErrors.set({ byField: { name: t('Donnez un nom à l’instance.') }, general: [] });
      return;
    }
    this.send(this.governance.updateInstance(instance.id, { name }), t('Instance renommée « {name} ».', { name }), (e) =>
      this.editErrors.set(e),
    );
  }

  protected remove(instance: InstanceView): void {
    const t = this.i18n.translate();
    this.send(this.governance.deleteInstance(instance.id), t('Instance « {name} » supprimée.', { name: instance.name }), (e) =>
      this.errors.set(e),
    );
  }

  private send(request: Observable<unknown>, message: string, failed: (errors: FormErrors) => void): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    this.saving.set(true);
    this.done.set(null);
    this.errors.set(NO_ERRORS);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.saving.set(false);
        this.done.set(message);
        this.name.set('');
        this.description.set('');
        this.editing.set(null);
        this.changed.emit();
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiRequestError(err, t);
        failed(e.status === 409 ? { byField: {}, general: [refusalMessage(e)] } : apiFormErrors(e, FIELDS));
      },
    });
  }
}
