import type { EvidenceKind, HistoryEntryView, MilestoneView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { isIsoDate } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Observable, map } from 'rxjs';

import { ItemsService } from '../data/items.service';
import { I18n } from '../i18n/i18n';
import { pageSubject } from '../roadmap/page-title';
import { TranslatePipe } from '../i18n/t.pipe';
import { JlCommentField } from '../shared/comment-field';
import { FORM_FIELD } from '../shared/form-field';
import { FormErrorList, SaveStatus } from '../shared/form-status';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { MILESTONE_STATE_LABELS } from '../shared/labels';
import { loadable } from '../shared/loadable';
import { ProvenanceBadge } from '../shared/provenance-badge';
import { HistoryTable } from './history-table';
import { DeleteItem } from '../trash/delete-item';
import { InRoadmapPipe } from '../roadmap/in-roadmap.pipe';
import { EditTarget, ItemEditForm } from './item-edit-form';
import { CONFLICT_MESSAGE, ItemContext } from './item-context';
import { ItemEvidence } from './item-evidence';
import { ItemDecisions } from './item-decisions';
import { ItemUpdate, canUpdateItem, itemLoader } from './item-update';
import { PROOF_FIELDS, ProofFieldsComponent, proofToSend } from './proof-fields';
import { ReplanForm, ReplanTarget } from './replan-form';

/** What the page shows: the milestone, its history, and what it needs to name things around it. */
interface MilestoneData {
  milestone: MilestoneView;
  history: HistoryEntryView[];
  context: ItemContext;
}

const FORM_FIELDS = ['achievedOn', 'comment', ...PROOF_FIELDS] as const;

/**
 * A milestone: its fields, its history, and, for whoever may write it, marking it achieved (on a
 * day) or not, and re-planning its date.
 */
@Component({
  selector: 'jl-milestone-page',
  imports: [
    FormsModule,
    FORM_FIELD,
    JlCommentField,
    RouterLink,
    InRoadmapPipe,
    FrDatePipe,
    ProvenanceBadge,
    HistoryTable,
    ReplanForm,
    ItemEditForm,
    FormErrorList,
    SaveStatus,
    TranslatePipe,
    DeleteItem,
    ItemEvidence,
    ItemDecisions,
    ProofFieldsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './milestone-page.html',
})
export class MilestonePage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** the milestone's id (route parameter) */
  readonly id = input.required<string>();

  private readonly items = inject(ItemsService);
  private readonly loadItem = itemLoader<MilestoneView>((id) => this.items.milestoneHistory(id));

  /** reloaded (without « loading ») after a change */
  protected readonly page = loadable(this.id, (id) => this.load(id));
  protected readonly ready = computed(() => this.page.value() ?? null);
  /** the milestone's title heads the page's title */
  protected readonly titleSubject = pageSubject(computed(() => this.ready()?.milestone.title ?? null));
  /** the project lead, or the owner of the item's function: otherwise the page is read-only */
  protected readonly canUpdate = canUpdateItem(() => this.ready()?.milestone);
  /** what the « Replanifier » form changes */
  protected readonly replanTarget = computed((): ReplanTarget | null => {
    const m = this.ready()?.milestone;
    return m ? { kind: 'milestone', id: m.id, version: m.version, date: m.date } : null;
  });
  /** what the « Modifier la fiche » form changes */
  protected readonly editTarget = computed((): EditTarget | null => {
    const m = this.ready()?.milestone;
    return m
      ? {
          kind: 'milestone',
          id: m.id,
          version: m.version,
          functionId: m.functionId,
          title: m.title,
          description: m.description,
          volet: null,
          ownerId: m.owner?.id ?? null,
          ownerName: m.owner?.name ?? null,
        }
      : null;
  });
  protected readonly stateLabels = MILESTONE_STATE_LABELS;
  protected readonly conflictMessage = CONFLICT_MESSAGE;

  /** the day it was achieved: the reference day (today) unless changed */
  protected readonly achievedOn = linkedSignal<IsoDate>(() => this.ready()?.context.roadmap.at ?? '');
  /** the proof saved with the milestone achieved (docs/evidence.md) */
  protected readonly proofTitle = linkedSignal<unknown, string>({ source: this.ready, computation: () => '' });
  protected readonly proofUrl = linkedSignal<unknown, string>({ source: this.ready, computation: () => '' });
  protected readonly proofKind = linkedSignal<unknown, EvidenceKind>({ source: this.ready, computation: () => 'document' });
  private readonly update = new ItemUpdate(this.ready, FORM_FIELDS, () => this.page.reload());
  protected readonly comment = this.update.comment;
  protected readonly errors = this.update.errors;
  protected readonly conflict = this.update.conflict;
  protected readonly saving = this.update.saving;
  protected readonly saved = this.update.saved;

  protected markAchieved(): void {
    const day = this.achievedOn();
    if (!isIsoDate(day)) {
      this.errors.set({
        byField: {
          achievedOn: this.i18n.t('Indiquez le jour où le jalon a été atteint.'),
        },
        general: [],
      });
      return;
    }
    this.send(day, this.i18n.t('Jalon marqué comme atteint.'));
  }

  protected markNotAchieved(): void {
    this.send(null, this.i18n.t('Jalon marqué comme non atteint.'));
  }

  /** Loads the milestone again (re-planned, or changed by someone else), without « loading ». */
  protected refresh(): void {
    this.page.reload();
  }

  protected reload(): void {
    this.update.clear();
    this.page.reload();
  }

  private send(achievedOn: IsoDate | null, done: string): void {
    const ready = this.ready();
    if (!ready || this.saving()) return;
    const request = this.items.updateMilestone(ready.milestone.id, {
      version: ready.milestone.version,
      achievedOn,
      ...this.update.commentToSend(),
      ...(achievedOn ? proofToSend(this.proofTitle(), this.proofUrl(), this.proofKind()) : {}),
    });
    this.update.send(request, done);
  }

  private load(id: string): Observable<MilestoneData> {
    return this.loadItem(this.items.milestone(id), id).pipe(map(({ item, history, context }) => ({ milestone: item, history, context })));
  }
}
