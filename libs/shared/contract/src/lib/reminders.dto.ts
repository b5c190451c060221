import { DIGEST_FREQUENCIES } from '@jalons/domain';
import type { DigestFrequency, IsoDate, ReminderKind } from '@jalons/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { IsIsoDate, VALIDATION_MESSAGES as M } from './validation';

export class ReminderRulesDto {
  @IsArray({ message: 'before doit être une liste de nombres de jours (1 à 90), 6 au plus.' })
  @ArrayMaxSize(6, { message: 'before doit être une liste de nombres de jours (1 à 90), 6 au plus.' })
  @IsInt({ each: true, message: 'before doit être une liste de nombres de jours (1 à 90), 6 au plus.' })
  @Min(1, { each: true, message: 'before doit être une liste de nombres de jours (1 à 90), 6 au plus.' })
  @Max(90, { each: true, message: 'before doit être une liste de nombres de jours (1 à 90), 6 au plus.' })
  before!: number[];

  @IsBoolean({ message: 'onDueDate doit valoir true ou false.' })
  onDueDate!: boolean;

  @IsInt({ message: 'overdueEveryDays doit être un nombre de jours de 0 (jamais) à 60.' })
  @Min(0, { message: 'overdueEveryDays doit être un nombre de jours de 0 (jamais) à 60.' })
  @Max(60, { message: 'overdueEveryDays doit être un nombre de jours de 0 (jamais) à 60.' })
  overdueEveryDays!: number;

  @IsInt({ message: 'escalateAfterDays doit être un nombre de jours de 0 (jamais) à 90.' })
  @Min(0, { message: 'escalateAfterDays doit être un nombre de jours de 0 (jamais) à 90.' })
  @Max(90, { message: 'escalateAfterDays doit être un nombre de jours de 0 (jamais) à 90.' })
  escalateAfterDays!: number;

  @IsBoolean({ message: 'milestones doit valoir true ou false.' })
  milestones!: boolean;
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
  @IsUUID('all', { message: M.uuid })
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
  itemType: 'action' | 'milestone';
  itemId: string;
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

/** GET /api/admin/reminders: the job and the deliveries, for the administrator. */
export interface RemindersStatusView {
  enabled: boolean;
  cron: string;
  smtpConfigured: boolean;
  runs: ReminderRunView[];
  counts: { pending: number; sending: number; sent: number; failed: number };
  /** failed and still-retrying messages, newest first */
  problems: OutboxMessageView[];
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
