import { parseArgs } from 'node:util';

import { MikroORM } from '@mikro-orm/postgresql';
import { isIsoDate } from '@jalons/domain';

import { loadConfig } from '../infra/config/config';
import { prepareDatabase } from '../infra/database/database-setup';
import { startEmbeddedPostgres } from '../infra/database/embedded';
import type { EmbeddedDatabase } from '../infra/database/embedded';
import { ormOptions } from '../infra/database/mikro-orm.config';
import { instantiate, newRoadmapFile } from '../app/seed/instantiate';
import { BREST_FILE, KIT_FILE, loadKit, loadRoadmapFile, SeedFileError, seedsDir } from '../app/seed/seed-files';
import { writeRoadmap } from '../app/seed/seeder';
import { issueToken, linkFor } from '../app/auth/tokens';

const USAGE = `Usage:
  npm run seed                       load the kit's Brest roadmap (idempotent: twice changes nothing)
  npm run seed -- --file PATH        load another roadmap file written against the kit
  npm run roadmap:new -- --territory "Ville de Quimper" --election 2032-03-14 [--next-election 2038-03-14] [--slug quimper-2032-2038]
                                     instantiate the kit for another territory and mandate
  npm run admin:invite -- --email marie@ville.fr --name "Marie Dupont"
                                     make (or promote) an administrator and print a one-time link
                                     to choose the password (no password ever goes on a command line)`;

async function withDatabase<T>(work: (orm: MikroORM) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  try {
    let url = config.databaseUrl;
    if (!url) {
      embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
      url = embedded.url;
    }
    await prepareDatabase(url, { seed: false, seedsDir: seedsDir() });
    const orm = await MikroORM.init(ormOptions(url));
    try {
      return await work(orm);
    } finally {
      await orm.close();
    }
  } finally {
    await embedded?.stop();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      file: { type: 'string' },
      territory: { type: 'string' },
      election: { type: 'string' },
      'next-election': { type: 'string' },
      slug: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const dir = seedsDir();
  const kit = loadKit(KIT_FILE(dir));
  if (command === 'seed') {
    const plan = instantiate(kit, loadRoadmapFile(values.file ?? BREST_FILE(dir), kit));
    const outcome = await withDatabase((orm) => writeRoadmap(orm.em.fork(), plan));
    console.log(outcome.created ? `Created roadmap ${plan.roadmap.slug} (${outcome.roadmapId}).` : `Roadmap ${plan.roadmap.slug} already present (${outcome.roadmapId}): nothing changed.`);
    return 0;
  }
  if (command === 'roadmap:new') {
    const problems: string[] = [];
    if (!values.territory?.trim()) problems.push('--territory "Name of the territory" is required');
    if (!values.election || !isIsoDate(values.election)) problems.push('--election YYYY-MM-DD (the first round) is required');
    if (values['next-election'] && !isIsoDate(values['next-election'])) problems.push('--next-election must be YYYY-MM-DD');
    if (problems.length) {
      console.error(`${problems.join('\n')}\n\n${USAGE}`);
      return 2;
    }
    const file = newRoadmapFile(kit, values.territory!.trim(), values.election!, values['next-election']);
    if (values.slug) file.slug = values.slug;
    const plan = instantiate(kit, file);
    const outcome = await withDatabase((orm) => writeRoadmap(orm.em.fork(), plan));
    console.log(
      outcome.created
        ? `Created roadmap ${plan.roadmap.slug} (${outcome.roadmapId}): ${plan.phases.map((p) => `${p.name} ${p.start} → ${p.end}`).join('; ')}.`
        : `A roadmap ${plan.roadmap.slug} already exists (${outcome.roadmapId}): nothing changed.`,
    );
    return 0;
  }
  if (command === 'admin:invite') {
    const email = values.email?.trim().toLowerCase();
    const name = values.name?.trim();
    if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || !name) {
      console.error(`--email ADDRESS and --name "First Last" are required\n\n${USAGE}`);
      return 2;
    }
    const config = loadConfig();
    const { token, expiresAt } = await withDatabase((orm) =>
      orm.em.fork().transactional(async (tx) => {
        const [row] = await tx.execute<Array<{ id: string }>>(
          `insert into account (id, created_at, updated_at, name, email, role, active, version) values (gen_random_uuid(), now(), now(), ?, ?, 'admin', true, 1)
           on conflict ((lower(email))) do update set role = 'admin', active = true, version = account.version + 1 returning id`,
          [name, email],
        );
        return issueToken(tx, row.id, 'invitation', config.invitationTtlHours * 60);
      }),
    );
    console.log(`${email} is an administrator. To choose the password, open (once, before ${expiresAt.toISOString()}):\n${linkFor(config.publicUrl, 'invitation', token)}`);
    return 0;
  }
  console.error(`Unknown command "${command}".\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof SeedFileError ? `Seed file refused — ${e.message}` : (e as Error).message);
    process.exit(1);
  },
);
