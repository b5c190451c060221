import type { AttendeeView, CreateMeetingDto, InstanceView, MeetingView, PersonView } from '@jalons/contract';
import { GOVERNANCE_BOUNDS } from '@jalons/domain';
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
import { ChronogramService } from '../data/chronogram.service';
import { GovernanceService } from '../data/governance.service';
import { PersonsService } from '../data/persons.service';
import { I18n, tKey } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';
import { loadable } from '../shared/loadable';
import { ItemSelect } from './item-select';
import { itemKey, linkableGroups, parseItemKey } from './linkable-items';

/** An agenda item being written: its label and the key of the item it is about ('' for none). */
export interface AgendaDraft {
  label: string;
  item: string;
}

/** The fields a refusal may name, shown next to them (the others above the form). */
const FIELDS = ['instanceId', 'date', 'title', 'minutes', 'attendees', 'agenda'] as const;

/** The sentence for a meeting changed by someone else since it was read (409). */
export const MEETING_CONFLICT = tKey(
  'Cette réunion a été modifiée entre-temps : rechargez la page pour voir la dernière version, puis refaites vos changements.',
);

/** What the form sends: the API's DTO from the drafts (empty title and minutes as null). */
export function meetingToSend(d: {
  instanceId: string;
  date: string;
  title: string;
  attendees: readonly AttendeeView[];
  agenda: readonly AgendaDraft[];
  minutes: string;
}): CreateMeetingDto {
  return {
    instanceId: d.instanceId,
    date: d.date,
    title: d.title.trim() || null,
    attendees: d.attendees.map((a) => (a.accountId ? { accountId: a.accountId } : { name: a.name })),
    agenda: d.agenda
      .filter((a) => a.label.trim() !== '')
      .map((a) => {
        const item = parseItemKey(a.item);
        return { label: a.label.trim(), ...(item ? { itemType: item.type, itemId: item.id } : {}) };
      }),
    minutes: d.minutes.trim() || null,
  };
}

/**
 * « Nouvelle réunion » (and « Modifier la réunion » when `meeting` is given), for the project lead:
 * the instance, the date, a title, the attendees — accounts picked from the list or names typed —,
 * the agenda, each item optionally linked to an action or a milestone, and the minutes. A meeting
 * changed meanwhile is refused (409) and said so.
 */
@Component({
  selector: 'jl-meeting-form',
  imports: [FormsModule, FORM_FIELD, FORM_STATUS, ItemSelect, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-form.html',
  styleUrl: './governance.scss',
})
export class MeetingForm {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly governance = inject(GovernanceService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  readonly roadmapId = input.required<string>();
  readonly instances = input.required<readonly InstanceView[]>();
  /** the meeting edited; null for a new one */
  readonly meeting = input<MeetingView | null>(null);
  readonly saved = output<MeetingView>();
  readonly cancelled = output<void>();

  protected readonly prefix = computed(() => (this.meeting() ? 'meeting-edit' : 'meeting-new'));
  protected readonly bounds = GOVERNANCE_BOUNDS;
  private readonly personsService = inject(PersonsService);
  protected readonly persons = loadable(() => this.personsService.list());
  private readonly chronogram = inject(ChronogramService);
  private readonly items = loadable(this.roadmapId, (id) => this.chronogram.get(id));
  protected readonly groups = computed(() => {
    const c = this.items.value();
    return c ? linkableGroups(c) : [];
  });

  protected readonly instanceId = linkedSignal(() => this.meeting()?.instance.id ?? this.instances()[0]?.id ?? '');
  protected readonly date = linkedSignal(() => this.meeting()?.date ?? '');
  protected readonly title = linkedSignal(() => this.meeting()?.title ?? '');
  protected readonly attendees = linkedSignal<AttendeeView[]>(() => [...(this.meeting()?.attendees ?? [])]);
  protected readonly agenda = linkedSignal<AgendaDraft[]>(() =>
    (this.meeting()?.agenda ?? []).map((a) => ({ label: a.label, item: a.item ? itemKey(a.item.type, a.item.id) : '' })),
  );
  protected readonly minutes = linkedSignal(() => this.meeting()?.minutes ?? '');
  protected readonly pickedAccount = signal('');
  protected readonly freeName = signal('');

  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  protected readonly conflict = signal(false);

  /** the accounts not yet among the attendees */
  protected readonly pickable = computed(() => {
    const taken = new Set(this.attendees().map((a) => a.accountId));
    return (this.persons.value() ?? []).filter((p: PersonView) => !taken.has(p.id));
  });

  protected addAccount(): void {
    const person = this.pickable().find((p) => p.id === this.pickedAccount());
    if (!person) return;
    this.attendees.update((list) => [...list, { accountId: person.id, name: person.name }]);
    this.pickedAccount.set('');
  }

  protected addName(): void {
    const name = this.freeName().trim();
    if (!name) return;
    this.attendees.update((list) => [...list, { accountId: null, name }]);
    this.freeName.set('');
  }

  protected removeAttendee(i: number): void {
    this.attendees.update((list) => list.filter((_, j) => j !== i));
  }

  protected addAgendaItem(): void {
    this.agenda.update((list) => [...list, { label: '', item: '' }]);
    const id = `${this.prefix()}-agenda-${this.agenda().length - 1}-label`;
    setTimeout(() => document.getElementById(id)?.focus());
  }

  protected setAgenda(i: number, patch: Partial<AgendaDraft>): void {
    this.agenda.update((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  }

  protected removeAgendaItem(i: number): void {
    this.agenda.update((list) => list.filter((_, j) => j !== i));
  }

  protected submit(): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    const dto = meetingToSend({
      instanceId: this.instanceId(),
      date: this.date(),
      title: this.title(),
      attendees: this.attendees(),
      agenda: this.agenda(),
      minutes: this.minutes(),
    });
    const missing: Record<string, string> = {};
    if (!dto.instanceId) missing['instanceId'] = t('Choisissez l’instance qui se réunit.');
    if (!dto.date) missing['date'] = t('Indiquez la date de la réunion.');
    if (Object.keys(missing).length > 0) {
      this.errors.set({ byField: missing, general: [] });
      focusFirstError(this.errors, FIELDS, this.prefix(), this.injector);
      return;
    }
    this.errors.set(NO_ERRORS);
    this.conflict.set(false);
    this.saving.set(true);
    const existing = this.meeting();
    const request = existing
      ? this.governance.updateMeeting(existing.id, { ...dto, version: existing.version })
      : this.governance.createMeeting(this.roadmapId(), dto);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (meeting) => {
        this.saving.set(false);
        this.saved.emit(meeting);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiRequestError(err, t);
        if (e.status === 409) {
          this.conflict.set(true);
          this.errors.set({ byField: {}, general: [t(MEETING_CONFLICT)] });
          return;
        }
        this.errors.set(apiFormErrors(e, FIELDS));
        focusFirstError(this.errors, FIELDS, this.prefix(), this.injector);
      },
    });
  }
}
