import { DIGEST_FREQUENCIES, REMINDER_RULE_BOUNDS } from '@jalons/domain';
import type { DigestFrequency, IsoDate, ReminderKind } from '@jalons/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

import { IsId, IsIsoDate } from './validation';

const { before: BEFORE, overdueEveryDays: OVERDUE, escalateAfterDays: ESCALATE, indicatorStaleDays: STALE } = REMINDER_RULE_BOUNDS;
const BEFORE_MESSAGE = `before doit être une liste de nombres de jours (${BEFORE.min} à ${BEFORE.max}), ${BEFORE.count} au plus.`;
const OVERDUE_MESSAGE = `overdueEveryDays doit être un nombre de jours de ${OVERDUE.min} (jamais) à ${OVERDUE.max}.`;
const ESCALATE_MESSAGE = `escalateAfterDays doit être un nombre de jours de ${ESCALATE.min} (jamais) à ${ESCALATE.max}.`;
const STALE_MESSAGE = `indicatorStaleDays doit être un nombre de jours de ${STALE.min} (jamais) à ${STALE.max}.`;

export class ReminderRulesDto {
  @IsArray({ message: BEFORE_MESSAGE })
  @ArrayMaxSize(BEFORE.count, { message: BEFORE_MESSAGE })
  @IsInt({ each: true, message: BEFORE_MESSAGE })
  @Min(BEFORE.min, { each: true, message: BEFORE_MESSAGE })
  @Max(BEFORE.max, { each: true, message: BEFORE_MESSAGE })
  before!: number[];

  @IsBoolean({ message: 'onDueDate doit valoir true ou false.' })
  onDueDate!: boolean;

  @IsInt({ message: OVERDUE_MESSAGE })
  @Min(OVERDUE.min, { message: OVERDUE_MESSAGE })
  @Max(OVERDUE.max, { message: OVERDUE_MESSAGE })
  overdueEveryDays!: number;

  @IsInt({ message: ESCALATE_MESSAGE })
  @Min(ESCALATE.min, { message: ESCALATE_MESSAGE })
  @Max(ESCALATE.max, { message: ESCALATE_MESSAGE })
  escalateAfterDays!: number;

  @IsBoolean({ message: 'milestones doit valoir true ou false.' })
  milestones!: boolean;

  /** an indicator not measured for this many days is reminded to its function's owner (0: never) */
  @IsInt({ message: STALE_MESSAGE })
  @Min(STALE.min, { message: STALE_MESSAGE })
  @Max(STALE.max, { message: STALE_MESSAGE })
  indicatorStaleDays!: number;
}

export class PreferencesDto {
  @IsIn(DIGEST_FREQUENCIES, { message: `digest doit valoir l’un de : ${DIGEST_FREQUENCIES.join(', ')}.` })
  digest!: DigestFrequency;
}

export class RunRemindersDto {
  /** the day to run the job for (default: today in Europe/Paris) */
  @IsOptional()
  @IsIsoDate()
  date?: IsoDate;
}

export class TestMailDto {
  /** default: the administrator's own address */
  @IsOptional()
  @IsEmail({}, { message: 'to doit être une adresse électronique valide.' })
  to?: string;
}

export const CALENDAR_SCOPES = ['person', 'function', 'roadmap'] as const;
export type CalendarScope = (typeof CALENDAR_SCOPES)[number];

export class CreateCalendarDto {
  @IsIn(CALENDAR_SCOPES, { message: `scope doit valoir l’un de : ${CALENDAR_SCOPES.join(', ')}.` })
  scope!: CalendarScope;

  /** the function or roadmap followed; for 'person', your own account (the default) */
  @IsOptional()
  @IsId()
  targetId?: string;
}

export class NotificationsQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit doit être un entier de 1 à 200.' })
  @Min(1, { message: 'limit doit être un entier de 1 à 200.' })
  @Max(200, { message: 'limit doit être un entier de 1 à 200.' })
  limit?: number;
}

export interface NotificationView {
  id: string;
  roadmapId: string;
  /** an indicator's reminders (rule `stale`) are about its function's page */
  itemType: 'action' | 'milestone' | 'indicator';
  itemId: string;
  /** an indicator's function (the page its reminder links to); null for an action's or a milestone's, or once the indicator is gone */
  functionId?: string | null;
  rule: ReminderKind;
  dueDate: IsoDate;
  /** the day of the job's run that raised it */
  runDate: IsoDate;
  title: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsView {
  unread: number;
  items: NotificationView[];
}

export interface ReminderRunView {
  id: string;
  runDate: IsoDate;
  trigger: 'cron' | 'cli' | 'admin';
  startedAt: string;
  finishedAt: string | null;
  selected: number;
  created: number;
  digests: number;
  error: string | null;
}

export interface OutboxMessageView {
  id: string;
  to: string;
  subject: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
}

/** What waits for the mail server (issue 15: an SMTP outage is survived, and seen). */
export interface OutboxBacklogView {
  /** messages not sent yet (waiting, or being sent) */
  pending: number;
  /** when the oldest of them was recorded, and how long ago (whole minutes); null when none waits */
  oldestPendingAt: string | null;
  oldestPendingMinutes: number | null;
  /** messages given up on (after MAIL_MAX_ATTEMPTS) */
  failed: number;
  /** the last error of a message not sent yet or failed: its time and text, addresses masked */
  lastError: { at: string; message: string } | null;
}

/** GET /api/admin/reminders: the job and the deliveries, for the administrator. */
export interface RemindersStatusView {
  enabled: boolean;
  cron: string;
  smtpConfigured: boolean;
  runs: ReminderRunView[];
  counts: { pending: number; sending: number; sent: number; failed: number };
  /** failed and still-retrying messages, newest first */
  problems: OutboxMessageView[];
  backlog: OutboxBacklogView;
}

export interface RunReportView {
  day: IsoDate;
  selected: number;
  created: number;
  digests: number;
  selectionMs: number;
  delivery: { sent: number; retrying: number; failed: number } | null;
}

export interface CalendarFeedView {
  id: string;
  scope: CalendarScope;
  targetId: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  /** the secret address: given once, when the feed is created */
  url?: string;
}
