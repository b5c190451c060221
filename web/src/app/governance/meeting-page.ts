import type { DecisionView, LinkedItemView } from '@jalons/contract';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { of } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { ChronogramService } from '../data/chronogram.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { GovernanceService } from '../data/governance.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { refusalMessage } from '../shared/form-errors';
import { FORM_STATUS } from '../shared/form-status';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { loadable } from '../shared/loadable';
import { DecisionEvidence } from './decision-evidence';
import { DecisionForm } from './decision-form';
import { DECISION_KIND_TEXTS, inOrderTaken } from './governance-labels';
import { linkableGroups, linkedItemPath } from './linkable-items';
import { MeetingForm } from './meeting-form';

/**
 * A meeting (`/r/<slug>/reunions/:meetingId`): its instance and date, attendees, agenda (linked to
 * the actions and milestones it is about), minutes, and its decisions with their kind, text, linked
 * items and proof links. The project lead edits the meeting (a version changed meanwhile is
 * refused) and adds, edits and deletes its decisions. « Relevé de décisions » opens the printable page.
 */
@Component({
  selector: 'jl-meeting-page',
  imports: [RouterLink, FrDatePipe, TranslatePipe, FORM_STATUS, MeetingForm, DecisionForm, DecisionEvidence],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-page.html',
  styleUrl: './governance.scss',
})
export class MeetingPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly governance = inject(GovernanceService);
  private readonly chronogram = inject(ChronogramService);
  private readonly current = inject(CurrentRoadmap);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly canManage = inject(AuthService).canManageRoadmap;

  /** the roadmap's id, resolved from /r/<slug> */
  readonly roadmap = input.required<string>();
  readonly meetingId = input.required<string>();

  protected readonly slug = computed(() => this.current.roadmap()?.slug ?? '');
  protected readonly meeting = loadable(this.meetingId, (id) => this.governance.meeting(id));
  private readonly writerQuery = computed(() => (this.canManage() ? this.roadmap() : null));
  protected readonly instances = loadable(this.writerQuery, (id) => (id ? this.governance.instances(id) : of([])));
  private readonly items = loadable(this.writerQuery, (id) => (id ? this.chronogram.get(id) : of(null)));
  protected readonly groups = computed(() => {
    const c = this.items.value();
    return c ? linkableGroups(c) : [];
  });
  protected readonly kindTexts = DECISION_KIND_TEXTS;
  /** the decisions numbered in the order they were taken */
  protected readonly ordered = inOrderTaken;

  protected readonly editing = signal(false);
  /** the decision being edited ('new' for one being added) */
  protected readonly decisionEdited = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly done = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);
  /** where the keyboard goes once the meeting is read again: a saved decision's heading, or the list's after a deletion */
  private readonly focusAfterReload = signal<{ saved: string } | { deleted: string } | null>(null);
  private readonly injector = inject(Injector);

  constructor() {
    // the form or the buttons that had the keyboard are gone: it moves once the new reading is on screen
    effect(() => {
      const target = this.focusAfterReload();
      const decisions = this.meeting.value()?.decisions;
      if (!target || !decisions) return;
      const shown = (id: string) => decisions.some((d) => d.id === id);
      if ('saved' in target ? !shown(target.saved) : shown(target.deleted)) return;
      untracked(() => this.focusAfterReload.set(null));
      const selector = 'saved' in target ? `[data-decision="${target.saved}"] h3` : '#titre-decisions-reunion';
      afterNextRender(() => document.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
    });
  }

  protected itemPath(item: LinkedItemView): Array<string | number> {
    return linkedItemPath(this.slug(), item);
  }

  protected path(...segments: string[]): Array<string | number> {
    return roadmapPath(this.slug(), ...segments);
  }

  protected edit(): void {
    this.editing.set(true);
    this.done.set(null);
    setTimeout(() => document.getElementById('meeting-edit-instanceId')?.focus());
  }

  protected stopEditing(): void {
    this.editing.set(false);
    setTimeout(() => document.getElementById('edit-meeting-button')?.focus());
  }

  protected meetingSaved(): void {
    this.editing.set(false);
    this.done.set(this.i18n.t('Réunion enregistrée.'));
    this.meeting.reload();
  }

  protected editDecision(id: string): void {
    this.decisionEdited.set(id);
    this.done.set(null);
    setTimeout(() => document.getElementById(`decision-${id}-text`)?.focus());
  }

  /** A decision's form cancelled: the keyboard goes back to the button that opened it. */
  protected cancelDecision(id: string): void {
    this.decisionEdited.set(null);
    afterNextRender(() => document.getElementById(`decision-${id}-edit`)?.focus(), { injector: this.injector });
  }

  protected decisionSaved(d: DecisionView): void {
    const added = this.decisionEdited() === 'new';
    this.decisionEdited.set(null);
    this.done.set(added ? this.i18n.t('Décision ajoutée.') : this.i18n.t('Décision enregistrée.'));
    this.focusAfterReload.set({ saved: d.id });
    this.meeting.reload();
  }

  protected deleteDecision(d: DecisionView): void {
    if (this.busy()) return;
    const t = this.i18n.translate();
    this.busy.set(true);
    this.failure.set(null);
    this.done.set(null);
    this.governance
      .deleteDecision(d.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.done.set(t('Décision supprimée.'));
          this.focusAfterReload.set({ deleted: d.id });
          this.meeting.reload();
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.failure.set(refusalMessage(toApiRequestError(err, t)));
        },
      });
  }
}
