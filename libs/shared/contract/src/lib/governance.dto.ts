import { DECISION_KINDS, GOVERNANCE_BOUNDS as B, LINKED_ITEM_TYPES } from '@jalons/domain';
import type { DecisionKind, IsoDate, LinkedItemType } from '@jalons/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';

import { IsId, IsIsoDate, IsOmittable, IsOptionalOrNull, IsText, IsVersion } from './validation';
import type { PersonView } from './views';

/*
 * Governance (issue 12, ADR 0019, docs/governance.md): instances, their meetings, the decisions
 * taken. The lead writes; everyone signed in reads.
 */

export type { DecisionKind, LinkedItemType } from '@jalons/domain';

// ---------------------------------------------------------------- views

/** An action or a milestone an agenda item or a decision is about. */
export interface LinkedItemView {
  type: LinkedItemType;
  id: string;
  title: string;
  functionId: string;
}

export interface InstanceView {
  id: string;
  roadmapId: string;
  name: string;
  description: string | null;
  /** how many meetings it has held or will hold */
  meetings: number;
}

/** A person present: an account (accountId set, name as it is now) or a free name (accountId null). */
export interface AttendeeView {
  accountId: string | null;
  name: string;
}

export interface AgendaItemView {
  id: string;
  label: string;
  item: LinkedItemView | null;
}

export interface DecisionView {
  id: string;
  roadmapId: string;
  meetingId: string | null;
  meeting: { id: string; date: IsoDate; instanceName: string } | null;
  date: IsoDate;
  kind: DecisionKind;
  text: string;
  items: LinkedItemView[];
  /** ISO instant */
  createdAt: string;
  createdBy: PersonView | null;
}

export interface MeetingView {
  id: string;
  roadmapId: string;
  instance: { id: string; name: string };
  date: IsoDate;
  title: string | null;
  attendees: AttendeeView[];
  agenda: AgendaItemView[];
  minutes: string | null;
  decisions: DecisionView[];
  version: number;
}

export interface MeetingSummaryView {
  id: string;
  instance: { id: string; name: string };
  date: IsoDate;
  title: string | null;
  /** how many decisions it took */
  decisions: number;
}

/** A decision as a baseline or a history line cites it. */
export interface CitedDecisionView {
  id: string;
  date: IsoDate;
  kind: DecisionKind;
  text: string;
}

// ---------------------------------------------------------------- helpers

function combine(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const d of decorators) d(target, key);
  };
}

/** A list of nested objects of `cls`, at most `max`, with a French message when it is not one. */
function IsNestedList(field: string, what: string, max: number, cls: () => new () => object): PropertyDecorator {
  const message = `${field} doit être une liste de ${max} ${what} au plus.`;
  return combine(IsArray({ message }), ArrayMaxSize(max, { message }), ValidateNested({ each: true, message }), Type(cls));
}

const KIND_MESSAGE = (field: string) => `${field} doit valoir l’un de : ${DECISION_KINDS.join(', ')}.`;
const TYPE_MESSAGE = (field: string) => `${field} doit valoir l’un de : ${LINKED_ITEM_TYPES.join(', ')}.`;

// ---------------------------------------------------------------- instances

/** `POST /api/roadmaps/:id/instances` */
export class CreateInstanceDto {
  @IsText(1, B.instanceName)
  name!: string;

  @IsOptionalOrNull()
  @IsText(0, B.instanceDescription)
  description?: string | null;
}

/** `PATCH /api/instances/:id` — only the fields sent change; description null clears it. */
export class UpdateInstanceDto {
  @IsOmittable()
  @IsText(1, B.instanceName)
  name?: string;

  @IsOptionalOrNull()
  @IsText(0, B.instanceDescription)
  description?: string | null;
}

// ---------------------------------------------------------------- meetings

/** One person present: an account, or a free name — exactly one of the two. */
export class AttendeeDto {
  @ValidateIf((o: AttendeeDto) => o.accountId !== undefined)
  @IsId()
  @ValidateBy({
    name: 'notWithName',
    validator: {
      validate: (_: unknown, args) => (args?.object as AttendeeDto).name === undefined,
      defaultMessage: () => 'Chaque participant est soit un compte (accountId), soit un nom libre (name) — pas les deux.',
    },
  })
  accountId?: string;

  /** required when accountId is not sent */
  @ValidateIf((o: AttendeeDto) => o.name !== undefined || o.accountId === undefined)
  @IsText(1, B.attendeeName)
  name?: string;
}

/** One agenda item: a label, and optionally the action or milestone it is about (both itemType and itemId, or neither). */
export class AgendaItemDto {
  @IsText(1, B.agendaLabel)
  label!: string;

  @IsOptional()
  @IsIn(LINKED_ITEM_TYPES, { message: TYPE_MESSAGE('itemType') })
  itemType?: LinkedItemType;

  @IsOptional()
  @IsId()
  itemId?: string;
}

abstract class MeetingFieldsDto {
  @IsOptionalOrNull()
  @IsText(0, B.meetingTitle)
  title?: string | null;

  @IsOmittable() // null is not « none »: send [] to clear
  @IsNestedList('attendees', 'participants', B.attendees, () => AttendeeDto)
  attendees?: AttendeeDto[];

  @IsOmittable() // null is not « none »: send [] to clear
  @IsNestedList('agenda', 'points d’ordre du jour', B.agenda, () => AgendaItemDto)
  agenda?: AgendaItemDto[];

  @IsOptionalOrNull()
  @IsText(0, B.minutes)
  minutes?: string | null;
}

/** `POST /api/roadmaps/:id/meetings` */
export class CreateMeetingDto extends MeetingFieldsDto {
  @IsId()
  instanceId!: string;

  @IsIsoDate()
  date!: IsoDate;
}

/** `PATCH /api/meetings/:id` — only the fields sent change (a list sent replaces the list); 409 when `version` is stale. */
export class UpdateMeetingDto extends MeetingFieldsDto {
  @IsVersion()
  version!: number;

  @IsOmittable()
  @IsId()
  instanceId?: string;

  @IsOmittable()
  @IsIsoDate()
  date?: IsoDate;
}

// ---------------------------------------------------------------- decisions

export class LinkedItemDto {
  @IsIn(LINKED_ITEM_TYPES, { message: TYPE_MESSAGE('type') })
  type!: LinkedItemType;

  @IsId()
  id!: string;
}

/** `POST /api/roadmaps/:id/decisions` */
export class CreateDecisionDto {
  @IsIsoDate()
  date!: IsoDate;

  @IsIn(DECISION_KINDS, { message: KIND_MESSAGE('kind') })
  kind!: DecisionKind;

  @IsText(1, B.decisionText)
  text!: string;

  /** the meeting that took it (of the same roadmap) */
  @IsOptionalOrNull()
  @IsId()
  meetingId?: string | null;

  @IsOmittable() // null is not « none »: send [] to clear
  @IsNestedList('items', 'actions ou jalons', B.decisionItems, () => LinkedItemDto)
  items?: LinkedItemDto[];
}

/** `PATCH /api/decisions/:id` — only the fields sent change; meetingId null unlinks it; items sent replace the list. */
export class UpdateDecisionDto {
  @IsOmittable()
  @IsIsoDate()
  date?: IsoDate;

  @IsOmittable()
  @IsIn(DECISION_KINDS, { message: KIND_MESSAGE('kind') })
  kind?: DecisionKind;

  @IsOmittable()
  @IsText(1, B.decisionText)
  text?: string;

  @IsOptionalOrNull()
  @IsId()
  meetingId?: string | null;

  @IsOmittable()
  @IsNestedList('items', 'actions ou jalons', B.decisionItems, () => LinkedItemDto)
  items?: LinkedItemDto[];
}

/** `GET /api/roadmaps/:id/decisions?since=&until=&itemId=` (dates inclusive) */
export class DecisionsQueryDto {
  @IsOptional()
  @IsIsoDate()
  since?: IsoDate;

  @IsOptional()
  @IsIsoDate()
  until?: IsoDate;

  @IsOptional()
  @IsId()
  itemId?: string;
}

/** `GET /api/roadmaps/:id/meetings/next?at=` */
export class NextMeetingQueryDto {
  @IsOptional()
  @IsIsoDate()
  at?: IsoDate;
}
