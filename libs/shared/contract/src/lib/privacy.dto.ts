import type { DigestFrequency, Role } from '@jalons/domain';

import { IsVersion } from './validation';

/**
 * Personal data rights (issue 13, ADR 0027). `GET /api/account/data` gives the signed-in person
 * everything Jalons holds about them, as a JSON file; never a secret (no password hash, no token or
 * its hash). Instants are ISO 8601 in UTC, days `YYYY-MM-DD`.
 */
export interface PersonalDataExport {
  exportedAt: string;
  account: PersonalAccountData;
  /** the browsers signed in (the cookie's token is never stored in clear, and never exported) */
  sessions: PersonalSessionData[];
  calendarFeeds: PersonalCalendarFeedData[];
  /** the reminders shown in the bell */
  notifications: PersonalNotificationData[];
  /** the e-mails addressed to them (digests, summaries, invitations) */
  emails: PersonalEmailData[];
  /** the history lines they wrote, oldest first */
  history: PersonalHistoryData[];
  /** what they are named the owner of */
  owned: PersonalOwnedData;
  /** indicator values they recorded */
  measurements: PersonalMeasurementData[];
  /** proof links they added */
  evidence: PersonalEvidenceData[];
  /** baselines they froze */
  baselines: PersonalBaselineData[];
  /** meetings they are listed as attending */
  meetings: PersonalMeetingData[];
  /** decisions they recorded */
  decisions: PersonalDecisionData[];
}

export interface PersonalAccountData {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
  lastLoginAt: string | null;
  digest: DigestFrequency;
  /** their own choice for the monthly summary (null: it follows the role) */
  monthlySummary: boolean | null;
}

export interface PersonalSessionData {
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface PersonalCalendarFeedData {
  scope: 'person' | 'function' | 'roadmap';
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface PersonalNotificationData {
  roadmap: string;
  itemType: string;
  title: string;
  rule: string;
  dueDate: string;
  createdAt: string;
  readAt: string | null;
}

export interface PersonalEmailData {
  kind: string;
  subject: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
}

export interface PersonalHistoryData {
  at: string;
  /** the roadmap's slug */
  roadmap: string;
  itemType: string;
  /** the item's title (from the Corbeille when it was deleted; null when gone for good) */
  itemTitle: string | null;
  field: string;
  from: string | null;
  to: string | null;
  comment: string | null;
  reason: string | null;
}

export interface PersonalOwnedItemData {
  roadmap: string;
  title: string;
}

export interface PersonalOwnedData {
  functions: PersonalOwnedItemData[];
  actions: PersonalOwnedItemData[];
  milestones: PersonalOwnedItemData[];
}

export interface PersonalMeasurementData {
  roadmap: string;
  indicator: string;
  measuredOn: string;
  value: number;
  comment: string | null;
  sourceUrl: string | null;
  createdAt: string;
}

export interface PersonalEvidenceData {
  title: string;
  url: string;
  kind: string;
  addedAt: string;
}

export interface PersonalBaselineData {
  roadmap: string;
  number: number;
  label: string;
  createdAt: string;
}

export interface PersonalMeetingData {
  roadmap: string;
  instance: string;
  date: string;
  title: string;
}

export interface PersonalDecisionData {
  roadmap: string;
  date: string;
  kind: string;
  text: string;
}

/** `POST /api/accounts/:id/anonymise` (administrator): the version of the account read. */
export class AnonymiseAccountDto {
  @IsVersion()
  version!: number;
}

/** What an anonymised account is called everywhere its name was (ADR 0027). */
export const ANONYMISED_NAME = 'Ancien·ne responsable';
