import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261128181812_initial } from './Migration20261128181812_initial';
import { Migration20261128190000_roadmap_revision } from './Migration20261128190000_roadmap_revision';
import { Migration20261128210000_accounts } from './Migration20261128210000_accounts';
import { Migration20261128230000_reminders } from './Migration20261128230000_reminders';
import { Migration20261129090000_sql_only_tables } from './Migration20261129090000_sql_only_tables';
import { Migration20261129100000_trash_and_milestone_owner } from './Migration20261129100000_trash_and_milestone_owner';
import { Migration20261129120000_planning } from './Migration20261129120000_planning';
import { Migration20261129140000_diagnostic } from './Migration20261129140000_diagnostic';
import { Migration20261129150000_indicators } from './Migration20261129150000_indicators';
import { Migration20261129160000_provenance } from './Migration20261129160000_provenance';
import { Migration20261130090000_evidence } from './Migration20261130090000_evidence';
import { Migration20261130100000_baselines } from './Migration20261130100000_baselines';
import { Migration20261130110000_governance } from './Migration20261130110000_governance';
import { Migration20261130120000_summaries } from './Migration20261130120000_summaries';
import { Migration20261130130000_history_replay } from './Migration20261130130000_history_replay';
import { Migration20261201090000_open_by_default } from './Migration20261201090000_open_by_default';
import { Migration20261202090000_outbox_last_error_at } from './Migration20261202090000_outbox_last_error_at';

/** Every migration, in order. Add each new migration here (the API ships as one bundle). */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261128181812_initial', class: Migration20261128181812_initial },
  { name: 'Migration20261128190000_roadmap_revision', class: Migration20261128190000_roadmap_revision },
  { name: 'Migration20261128210000_accounts', class: Migration20261128210000_accounts },
  { name: 'Migration20261128230000_reminders', class: Migration20261128230000_reminders },
  { name: 'Migration20261129090000_sql_only_tables', class: Migration20261129090000_sql_only_tables },
  { name: 'Migration20261129100000_trash_and_milestone_owner', class: Migration20261129100000_trash_and_milestone_owner },
  { name: 'Migration20261129120000_planning', class: Migration20261129120000_planning },
  { name: 'Migration20261129140000_diagnostic', class: Migration20261129140000_diagnostic },
  { name: 'Migration20261129150000_indicators', class: Migration20261129150000_indicators },
  { name: 'Migration20261129160000_provenance', class: Migration20261129160000_provenance },
  { name: 'Migration20261130090000_evidence', class: Migration20261130090000_evidence },
  { name: 'Migration20261130100000_baselines', class: Migration20261130100000_baselines },
  { name: 'Migration20261130110000_governance', class: Migration20261130110000_governance },
  { name: 'Migration20261130120000_summaries', class: Migration20261130120000_summaries },
  { name: 'Migration20261130130000_history_replay', class: Migration20261130130000_history_replay },
  { name: 'Migration20261201090000_open_by_default', class: Migration20261201090000_open_by_default },
  { name: 'Migration20261202090000_outbox_last_error_at', class: Migration20261202090000_outbox_last_error_at },
];
