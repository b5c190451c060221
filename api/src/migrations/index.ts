import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261128181812_initial } from './Migration20261128181812_initial';

/** Every migration, in order. Add each new migration here (the API ships as one bundle). */
export const MIGRATIONS: MigrationObject[] = [{ name: 'Migration20261128181812_initial', class: Migration20261128181812_initial }];
