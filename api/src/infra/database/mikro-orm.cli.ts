// Configuration for the MikroORM CLI (migration:create …), run through ts-node with api/tsconfig.cli.json.
// Needs DATABASE_URL (start the app once, then use the embedded server's URL printed at start).
import { ormOptions } from './mikro-orm.config';

const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL is required for the MikroORM CLI.');
const options = ormOptions(url);
export default {
  ...options,
  migrations: {
    ...options.migrations,
    migrationsList: undefined,
    glob: 'Migration*.{js,ts}',
    fileName: (ts: string, name?: string) => `Migration${ts}${name ? '_' + name : ''}`,
  },
};
