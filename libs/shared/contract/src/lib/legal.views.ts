import type { AccessibilityStatus, IsoDate } from '@jalons/domain';

/**
 * The facts about this instance of Jalons that its legal pages show (issue 13): `GET /api/public/instance`,
 * for anybody. Set per instance through the LEGAL_* and RETENTION_*_DAYS settings (README, « Configuration »).
 */

/** Who publishes the instance; each value null when the instance's editor has not set it (« à renseigner »). */
export interface LegalConfig {
  /** the body that publishes the service, e.g. « Ville de Brest » */
  editor: string | null;
  /** its postal address */
  address: string | null;
  /** where to write about the service, its accessibility and personal data */
  contactEmail: string | null;
  /** the directeur·rice de la publication */
  publicationDirector: string | null;
  /** the host: name and address */
  host: string | null;
  /** the data protection officer's contact */
  dpoContact: string | null;
}

/** How long spent personal traces are kept before the daily purge deletes them, in days. */
export interface RetentionConfig {
  sessionsDays: number;
  tokensDays: number;
  outboxDays: number;
  notificationsDays: number;
}

export interface PublicInstanceView {
  name: 'Jalons';
  /** the instance's address, without a trailing slash */
  publicUrl: string;
  legal: LegalConfig;
  retention: RetentionConfig;
  accessibility: {
    status: AccessibilityStatus;
    auditDate: IsoDate;
    statementPath: '/accessibilite';
  };
}
