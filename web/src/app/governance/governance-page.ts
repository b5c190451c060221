import type { DecisionKind, MeetingView } from '@jalons/contract';
import { DECISION_KINDS } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { AuthService } from '../data/auth.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { GovernanceService } from '../data/governance.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { DataTable } from '../shared/data-table';
import { FORM_FIELD } from '../shared/form-field';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { loadable } from '../shared/loadable';
import { DecisionList } from './decision-list';
import { DECISION_KIND_TEXTS } from './governance-labels';
import { InstancesSection } from './instances-section';
import { MeetingForm } from './meeting-form';

/**
 * « Gouvernance » (`/r/<slug>/gouvernance`): the next meeting, highlighted; the roadmap's instances;
 * its meetings, newest first, with their instance and number of decisions; the decisions taken,
 * filtered by kind and dates. The project lead manages the instances and opens « Nouvelle réunion ».
 */
@Component({
  selector: 'jl-governance-page',
  imports: [FormsModule, RouterLink, FORM_FIELD, DataTable, FrDatePipe, TranslatePipe, InstancesSection, MeetingForm, DecisionList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './governance-page.html',
  styleUrl: './governance.scss',
})
export class GovernancePage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly governance = inject(GovernanceService);
  private readonly current = inject(CurrentRoadmap);
  private readonly router = inject(Router);
  protected readonly canManage = inject(AuthService).canManageRoadmap;

  /** the roadmap's id, resolved from /r/<slug> */
  readonly roadmap = input.required<string>();

  protected readonly slug = computed(() => this.current.roadmap()?.slug ?? null);
  protected readonly instances = loadable(this.roadmap, (id) => this.governance.instances(id));
  protected readonly meetings = loadable(this.roadmap, (id) => this.governance.meetings(id));
  protected readonly next = loadable(this.roadmap, (id) => this.governance.nextMeeting(id));

  protected readonly kinds = DECISION_KINDS;
  protected readonly kindTexts = DECISION_KIND_TEXTS;
  protected readonly kind = signal<DecisionKind | ''>('');
  protected readonly since = signal('');
  protected readonly until = signal('');
  private readonly decisionQuery = computed(() => ({ id: this.roadmap(), since: this.since(), until: this.until() }), {
    equal: (a, b) => a.id === b.id && a.since === b.since && a.until === b.until,
  });
  protected readonly decisions = loadable(this.decisionQuery, (q) => this.governance.decisions(q.id, { since: q.since, until: q.until }));
  protected readonly shownDecisions = computed(() => {
    const kind = this.kind();
    const list = this.decisions.value() ?? [];
    return kind ? list.filter((d) => d.kind === kind) : list;
  });

  protected readonly creating = signal(false);

  protected meetingLink(id: string): Array<string | number> {
    return roadmapPath(this.slug() ?? '', 'reunions', id);
  }

  protected openForm(): void {
    this.creating.set(true);
    setTimeout(() => document.getElementById('meeting-new-instanceId')?.focus());
  }

  protected closeForm(): void {
    this.creating.set(false);
    setTimeout(() => document.getElementById('new-meeting-button')?.focus());
  }

  /** A meeting created: its page, where its decisions are recorded. */
  protected created(meeting: MeetingView): void {
    this.creating.set(false);
    void this.router.navigate(this.meetingLink(meeting.id));
  }

  protected instancesChanged(): void {
    this.instances.reload();
    this.meetings.reload();
  }

  protected clearFilters(): void {
    this.kind.set('');
    this.since.set('');
    this.until.set('');
  }
}
