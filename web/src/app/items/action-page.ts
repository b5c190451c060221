import type { ActionView, EvidenceKind, HistoryEntryView } from '@jalons/contract';
import type { ActionStatus } from '@jalons/domain';
import { ACTION_STATUSES, checkStatusProgress } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, Injector, computed, inject, input, linkedSignal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Observable, map } from 'rxjs';

import { ItemsService } from '../data/items.service';
import { I18n } from '../i18n/i18n';
import { pageSubject } from '../roadmap/page-title';
import { TranslatePipe } from '../i18n/t.pipe';
import { focusFirstError, toFormErrors } from '../shared/form-errors';
import { JlCommentField } from '../shared/comment-field';
import { FORM_FIELD } from '../shared/form-field';
import { FormErrorList, SaveStatus } from '../shared/form-status';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { HealthBadge } from '../shared/health-badge';
import { STATUS_LABELS, VOLET_LABELS } from '../shared/labels';
import { loadable } from '../shared/loadable';
import { PercentPipe } from '../shared/percent.pipe';
import { ProvenanceBadge } from '../shared/provenance-badge';
import { HistoryTable } from './history-table';
import { DeleteItem } from '../trash/delete-item';
import { ActionTargets } from '../actors/action-targets';
import { InRoadmapPipe } from '../roadmap/in-roadmap.pipe';
import { ItemDependencies } from './item-dependencies';
import { EditTarget, ItemEditForm } from './item-edit-form';
import { CONFLICT_MESSAGE, ItemContext } from './item-context';
import { ItemEvidence } from './item-evidence';
import { ItemDecisions } from './item-decisions';
import { ItemUpdate, canUpdateItem, itemLoader } from './item-update';
import { PROOF_FIELDS, ProofFieldsComponent, proofToSend } from './proof-fields';
import { ReplanForm, ReplanTarget } from './replan-form';

/** What the page shows: the action, its history, and what it needs to name things around it. */
interface ActionData {
  action: ActionView;
  history: HistoryEntryView[];
  context: ItemContext;
}

/** the fields of the form: the API's errors on other fields are shown above it */
const FORM_FIELDS = ['status', 'progress', 'comment', ...PROOF_FIELDS] as const;

/**
 * An action: its fields, its dependencies, its history, and, for whoever may write it, the forms
 * to report status and progress and to re-plan it (start, due).
 */
@Component({
  selector: 'jl-action-page',
  imports: [
    FormsModule,
    FORM_FIELD,
    JlCommentField,
    RouterLink,
    InRoadmapPipe,
    FrDatePipe,
    PercentPipe,
    HealthBadge,
    ProvenanceBadge,
    HistoryTable,
    ReplanForm,
    ItemEditForm,
    ItemDependencies,
    FormErrorList,
    SaveStatus,
    TranslatePipe,
    DeleteItem,
    ActionTargets,
    ItemEvidence,
    ItemDecisions,
    ProofFieldsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action-page.html',
})
export class ActionPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** the action's id (route parameter) */
  readonly id = input.required<string>();

  private readonly items = inject(ItemsService);
  private readonly loadItem = itemLoader<ActionView>((id) => this.items.actionHistory(id));
  private readonly injector = inject(Injector);

  /** reloaded (without « loading ») after a change */
  protected readonly page = loadable(this.id, (id) => this.load(id));
  protected readonly ready = computed(() => this.page.value() ?? null);
  /** the action's title heads the page's title */
  protected readonly titleSubject = pageSubject(computed(() => this.ready()?.action.title ?? null));
  /** the project lead, or the owner of the item's function: otherwise the page is read-only */
  protected readonly canUpdate = canUpdateItem(() => this.ready()?.action);
  /** what the « Replanifier » form changes */
  protected readonly replanTarget = computed((): ReplanTarget | null => {
    const a = this.ready()?.action;
    return a
      ? {
          kind: 'action',
          id: a.id,
          version: a.version,
          start: a.start,
          due: a.due,
        }
      : null;
  });

  /** what the « Modifier la fiche » form changes */
  protected readonly editTarget = computed((): EditTarget | null => {
    const a = this.ready()?.action;
    return a
      ? {
          kind: 'action',
          id: a.id,
          version: a.version,
          functionId: a.functionId,
          title: a.title,
          description: a.description,
          volet: a.volet,
          ownerId: a.owner?.id ?? null,
          ownerName: a.owner?.name ?? null,
        }
      : null;
  });

  protected readonly statuses = ACTION_STATUSES.map((value) => ({
    value,
    label: STATUS_LABELS[value],
  }));
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly voletLabels = VOLET_LABELS;
  protected readonly conflictMessage = CONFLICT_MESSAGE;

  // the form, reset to the action's values whenever it is (re)loaded
  protected readonly status = linkedSignal<ActionStatus>(() => this.ready()?.action.status ?? 'a_lancer');
  protected readonly progress = linkedSignal<number | null>(() => this.ready()?.action.progress ?? 0);
  /** the proof saved with a status terminée (docs/evidence.md) */
  protected readonly proofTitle = linkedSignal<unknown, string>({ source: this.ready, computation: () => '' });
  protected readonly proofUrl = linkedSignal<unknown, string>({ source: this.ready, computation: () => '' });
  protected readonly proofKind = linkedSignal<unknown, EvidenceKind>({ source: this.ready, computation: () => 'document' });
  private readonly update = new ItemUpdate(this.ready, FORM_FIELDS, () => this.page.reload());
  protected readonly comment = this.update.comment;
  protected readonly errors = this.update.errors;
  protected readonly conflict = this.update.conflict;
  protected readonly saving = this.update.saving;
  protected readonly saved = this.update.saved;

  protected submit(): void {
    const ready = this.ready();
    if (!ready || this.saving()) return;
    const status = this.status();
    const progress = this.progress() ?? Number.NaN;
    const violations = checkStatusProgress(status, progress);
    if (violations.length > 0) {
      this.update.clear();
      this.update.errors.set(toFormErrors(violations, FORM_FIELDS));
      this.focusFirstError();
      return;
    }
    const request = this.items.updateActionStatus(ready.action.id, {
      version: ready.action.version,
      status,
      progress,
      ...this.update.commentToSend(),
      ...(status === 'terminee' ? proofToSend(this.proofTitle(), this.proofUrl(), this.proofKind()) : {}),
    });
    this.update.send(request, this.i18n.t('Mise à jour enregistrée.'), () => this.focusFirstError());
  }

  /** Once the messages are drawn, puts the keyboard on the first field to fix. */
  private focusFirstError(): void {
    focusFirstError(this.errors, FORM_FIELDS, 'action', this.injector);
  }

  /** Loads the action again (re-planned, or changed by someone else), without « loading ». */
  protected refresh(): void {
    this.page.reload();
  }

  protected reload(): void {
    this.update.clear();
    this.page.reload();
  }

  private load(id: string): Observable<ActionData> {
    return this.loadItem(this.items.action(id), id).pipe(map(({ item, history, context }) => ({ action: item, history, context })));
  }
}
