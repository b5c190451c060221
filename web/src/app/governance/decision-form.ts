import type { CreateDecisionDto, DecisionKind, DecisionView, LinkedItemView } from '@jalons/contract';
import { DECISION_KINDS, GOVERNANCE_BOUNDS } from '@jalons/domain';
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

import { toApiRequestError } from '../data/api-error';
import { GovernanceService } from '../data/governance.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';
import { DECISION_KIND_TEXTS } from './governance-labels';
import { ItemSelect } from './item-select';
import { LinkableGroup, itemKey, parseItemKey } from './linkable-items';

const FIELDS = ['date', 'kind', 'text', 'items'] as const;

/**
 * A decision of a meeting, added or edited by the project lead: its date (the meeting's by
 * default), its kind, its text, and the actions and milestones it concerns.
 */
@Component({
  selector: 'jl-decision-form',
  imports: [FormsModule, FORM_FIELD, FORM_STATUS, ItemSelect, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './decision-form.html',
  styleUrl: './governance.scss',
})
export class DecisionForm {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly governance = inject(GovernanceService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  readonly roadmapId = input.required<string>();
  readonly meetingId = input.required<string>();
  /** the meeting's date: a new decision's by default */
  readonly meetingDate = input.required<string>();
  readonly groups = input.required<readonly LinkableGroup[]>();
  /** the decision edited; null for a new one */
  readonly decision = input<DecisionView | null>(null);
  readonly saved = output<DecisionView>();
  readonly cancelled = output<void>();

  protected readonly prefix = computed(() => `decision-${this.decision()?.id ?? 'new'}`);
  protected readonly bounds = GOVERNANCE_BOUNDS;
  protected readonly kinds = DECISION_KINDS;
  protected readonly kindTexts = DECISION_KIND_TEXTS;
  protected readonly date = linkedSignal(() => this.decision()?.date ?? this.meetingDate());
  protected readonly kind = linkedSignal<DecisionKind>(() => this.decision()?.kind ?? 'validation');
  protected readonly text = linkedSignal(() => this.decision()?.text ?? '');
  /** the linked items as select keys, and their titles for those not in the lists (deleted since) */
  protected readonly items = linkedSignal<string[]>(() => (this.decision()?.items ?? []).map((i) => itemKey(i.type, i.id)));
  private readonly known = computed(
    () => new Map((this.decision()?.items ?? []).map((i: LinkedItemView) => [itemKey(i.type, i.id), i.title])),
  );
  protected readonly picked = signal('');
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);

  protected titleOf(key: string): string {
    for (const g of this.groups()) {
      const found = g.items.find((i) => i.key === key);
      if (found) return found.title;
    }
    return this.known().get(key) ?? key;
  }

  protected addItem(): void {
    const key = this.picked();
    if (!key || this.items().includes(key)) return;
    this.items.update((list) => [...list, key]);
    this.picked.set('');
  }

  protected removeItem(key: string): void {
    this.items.update((list) => list.filter((k) => k !== key));
  }

  protected submit(): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    const text = this.text().trim();
    const missing: Record<string, string> = {};
    if (!this.date()) missing['date'] = t('Indiquez la date de la décision.');
    if (!text) missing['text'] = t('Écrivez la décision.');
    if (Object.keys(missing).length > 0) {
      this.errors.set({ byField: missing, general: [] });
      focusFirstError(this.errors, FIELDS, this.prefix(), this.injector);
      return;
    }
    const dto: CreateDecisionDto = {
      date: this.date(),
      kind: this.kind(),
      text,
      meetingId: this.meetingId(),
      items: this.items().flatMap((k) => parseItemKey(k) ?? []),
    };
    this.errors.set(NO_ERRORS);
    this.saving.set(true);
    const existing = this.decision();
    const request = existing ? this.governance.updateDecision(existing.id, dto) : this.governance.createDecision(this.roadmapId(), dto);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (d) => {
        this.saving.set(false);
        this.saved.emit(d);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.errors.set(apiFormErrors(toApiRequestError(err, t), FIELDS));
        focusFirstError(this.errors, FIELDS, this.prefix(), this.injector);
      },
    });
  }
}
