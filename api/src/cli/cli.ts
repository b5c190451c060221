import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { NestFactory } from '@nestjs/core';
import { firstMondayOfMonth, isIsoDate, todayInParis } from '@jalons/domain';

import { loadConfig } from '../infra/config/config';
import { prepareDatabase } from '../seed/prepare-database';
import { startEmbeddedPostgres } from '../infra/database/embedded';
import type { EmbeddedDatabase } from '../infra/database/embedded';
import { ormOptions } from '../infra/database/mikro-orm.config';
import {
  BREST_FILE,
  exportRoadmap,
  KIT_FILE,
  loadKit,
  loadRoadmapFile,
  planNewRoadmap,
  PlanError,
  RoadmapExportError,
  SeedFileError,
  seedRoadmapFile,
  seedsDir,
  writeRoadmap,
} from '../app/roadmap-setup';
import type { KitFile } from '../app/roadmap-setup';
import { AppModule } from '../app/app.module';
import { issueToken, linkFor } from '../app/auth';
import { RemindersService, selectDueReminders } from '../app/reminders';
import { SummariesService } from '../app/summaries';
import { PurgeService } from '../app/privacy';
import { ReportService, reportCliOptions, writeReportFile } from '../app/report';
import { backupCommand, restoreCommand } from '../app/backup';

const USAGE = `Usage:
  npm run seed                       load the kit's Brest roadmap (idempotent: twice changes nothing)
  npm run seed -- --file PATH        load another roadmap file written against the kit, or one exported by roadmap:export
  npm run roadmap:export -- --slug brest-2026-2032 --out brest.json
                                     write one roadmap with its history, actors, indicators, baselines, governance
                                     and evidence in the seed format (ids kept; accounts by e-mail, never a password)
  npm run roadmap:new -- --territory "Ville de Quimper" --election 2032-03-14 [--second-round 2032-03-21] [--next-election 2038-03-14] [--slug quimper-2032-2038]
                                     instantiate the kit for another territory and mandate (as the app's
                                     « Nouvelle feuille de route » does; the phases follow the second round)
  npm run admin:invite -- --email marie@ville.fr --name "Marie Dupont"
                                     make (or promote) an administrator and print a one-time link
                                     to choose the password (no password ever goes on a command line)
  npm run reminders -- --date YYYY-MM-DD [--dry-run]
                                     run the reminder job as if on that day (default: today, Europe/Paris);
                                     --dry-run prints who would receive what and records and sends nothing
                                     (--repeat N: time the job's selection N times and print its median)
  npm run summaries -- --date YYYY-MM-DD [--dry-run]
                                     send the month's summaries to elected officials (and those who opted in)
                                     as if on that day (default: today, Europe/Paris): nothing before the
                                     month's first Monday; only those not sent yet; --dry-run prints who
                                     would receive what and records and sends nothing
  npm run report -- --roadmap brest-2026-2032 --at 2026-12-31 --out rapport.pdf [--format html] [--paper a3] [--lang en] [--baseline ID] [--since YYYY-MM-DD]
                                     write the council report of a roadmap (slug or id) at a day (default: today):
                                     PDF in A4 portrait (a3: A3 landscape) or a web page, in French (en: English)
  npm run purge [-- --dry-run]       delete what is past its retention period (RETENTION_*_DAYS: ended sessions,
                                     spent links, sent e-mails, old reminders, sign-in counters) and print the
                                     counts per table; --dry-run counts and deletes nothing
  npm run backup -- --out FILE       write a compressed backup of the whole instance (one consistent snapshot,
                                     every table, the migration level) — no pg_dump needed
  npm run restore -- --in FILE       load a backup into an EMPTY database (DATABASE_URL, or the embedded one in
                                     DATA_DIR), then bring it to this version's migration level`;

async function withDatabase<T>(work: (orm: MikroORM, url: string) => Promise<T>): Promise<T> {
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
      return await work(orm, url);
    } finally {
      await orm.close();
    }
  } finally {
    await embedded?.stop();
  }
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    options: {
      file: { type: 'string' },
      territory: { type: 'string' },
      election: { type: 'string' },
      'second-round': { type: 'string' },
      'next-election': { type: 'string' },
      slug: { type: 'string' },
      email: { type: 'string' },
      date: { type: 'string' },
      'dry-run': { type: 'boolean' },
      repeat: { type: 'string' },
      name: { type: 'string' },
      roadmap: { type: 'string' },
      at: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
      format: { type: 'string' },
      paper: { type: 'string' },
      lang: { type: 'string' },
      baseline: { type: 'string' },
      since: { type: 'string' },
      help: { type: 'boolean' },
    },
  }).values;
}

type Options = ReturnType<typeof parseOptions>;

/** A command: its options, the loaded kit and the seeds folder in, the exit code out. */
type Command = (values: Options, kit: KitFile, dir: string) => Promise<number>;

async function seed(values: Options, kit: KitFile, dir: string): Promise<number> {
  const file = loadRoadmapFile(values.file ?? BREST_FILE(dir), kit);
  const outcome = await withDatabase((orm) => seedRoadmapFile(orm.em.fork(), kit, file));
  console.log(
    outcome.created
      ? `Created roadmap ${file.slug} (${outcome.roadmapId}).`
      : `Roadmap ${file.slug} already present (${outcome.roadmapId}): nothing changed.`,
  );
  return 0;
}

/** `roadmap:export --slug S --out FILE`: one roadmap in the seed format, for `seed --file` on another instance (ADR 0033). */
async function exportOne(values: Options): Promise<number> {
  if (!values.slug || !values.out) {
    console.error(`--slug SLUG and --out FILE are required\n\n${USAGE}`);
    return 2;
  }
  try {
    const file = await withDatabase((orm) => exportRoadmap(orm.em.fork(), values.slug!));
    writeFileSync(values.out, `${JSON.stringify(file, null, 2)}\n`);
    const rows = Object.values(file.records.tables).reduce((n, t) => n + t.rows.length, 0);
    console.log(`Wrote ${file.slug} to ${values.out}: ${rows} rows, ${file.persons.length} persons (by e-mail).`);
    return 0;
  } catch (e) {
    if (!(e instanceof RoadmapExportError)) throw e;
    console.error(e.message);
    return 1;
  }
}

async function newRoadmap(values: Options, kit: KitFile): Promise<number> {
  const problems: string[] = [];
  if (!values.territory?.trim()) problems.push('--territory "Name of the territory" is required');
  if (!values.election || !isIsoDate(values.election)) problems.push('--election YYYY-MM-DD (the first round) is required');
  if (values['second-round'] && !isIsoDate(values['second-round'])) problems.push('--second-round must be YYYY-MM-DD');
  if (values['next-election'] && !isIsoDate(values['next-election'])) problems.push('--next-election must be YYYY-MM-DD');
  if (problems.length) {
    console.error(`${problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const planned = planNewRoadmap(kit, {
    territory: values.territory!.trim(),
    firstRound: values.election!,
    secondRound: values['second-round'],
    nextElection: values['next-election'],
    slug: values.slug,
  });
  if (!('plan' in planned)) {
    console.error(`${planned.violations.map((v) => `${v.field}: ${v.message}`).join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const { plan, problems: misplaced } = planned;
  if (misplaced.length) throw new PlanError(`Roadmap "${plan.roadmap.slug}" cannot be built: ${misplaced.join('; ')}`);
  const outcome = await withDatabase((orm) => writeRoadmap(orm.em.fork(), plan));
  console.log(
    outcome.created
      ? `Created roadmap ${plan.roadmap.slug} (${outcome.roadmapId}): ${plan.phases.map((p) => `${p.name} ${p.start} → ${p.end}`).join('; ')}.`
      : `A roadmap ${plan.roadmap.slug} already exists (${outcome.roadmapId}): nothing changed.`,
  );
  return 0;
}

/** `--repeat N`: times the job's selection N times and prints its median. */
async function timeSelection(em: EntityManager, day: string, repeat: number): Promise<void> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    rows = (await selectDueReminders(em.fork(), day)).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`selection ${day}: ${rows} reminders, p50 ${times[Math.floor(times.length / 2)].toFixed(1)} ms over ${repeat} runs`);
}

/** `--dry-run`: who would receive what, person by person; records and sends nothing. */
async function printDryRun(reminders: RemindersService, day: string): Promise<void> {
  const due = await reminders.dryRun(day);
  if (!due.length) console.log(`${day}: no reminder due.`);
  const people = [...new Set(due.map((d) => d.accountId))];
  for (const id of people) {
    const mine = due.filter((d) => d.accountId === id);
    const mail = { daily: 'daily digest', weekly: 'weekly digest (Mondays)', none: 'no e-mail, in the app only' }[mine[0].digest];
    console.log(`${mine[0].name} <${mine[0].email}> — ${mail}`);
    for (const d of mine) {
      const when = d.daysLeft > 0 ? `due in ${d.daysLeft} d` : d.daysLeft === 0 ? 'due today' : `${-d.daysLeft} d late`;
      console.log(`  ${d.rule.padEnd(10)} ${d.itemType.padEnd(9)} ${d.dueDate}  ${when.padEnd(12)} ${d.title}`);
    }
  }
  console.log(`${day}: ${due.length} reminders for ${people.length} people (dry run: nothing recorded, nothing sent).`);
}

async function runReminders(values: Options): Promise<number> {
  const day = values.date ?? todayInParis();
  const repeat = values.repeat ? Number(values.repeat) : 0;
  if (!isIsoDate(day) || (values.repeat && (!Number.isInteger(repeat) || repeat < 1 || repeat > 1000))) {
    console.error(`--date YYYY-MM-DD must be a calendar day and --repeat a whole number from 1 to 1000\n\n${USAGE}`);
    return 2;
  }
  const config = { ...loadConfig(), remindersEnabled: false };
  return withDatabase(async (_orm, url) => {
    const context = await NestFactory.createApplicationContext(AppModule.create(config, url), { logger: ['error', 'warn'] });
    try {
      const reminders = context.get(RemindersService);
      if (repeat) {
        await timeSelection(context.get(EntityManager), day, repeat);
        return 0;
      }
      if (values['dry-run']) {
        await printDryRun(reminders, day);
        return 0;
      }
      const report = await reminders.run(day, 'cli');
      console.log(
        `${day}: ${report.selected} reminders due, ${report.created} new, ${report.digests} digests recorded; sent ${report.delivery?.sent ?? 0}, retrying ${report.delivery?.retrying ?? 0}, failed ${report.delivery?.failed ?? 0}.`,
      );
      return 0;
    } finally {
      await context.close();
    }
  });
}

/** `summaries`: the month's summaries as if on `--date` (ADR 0022); `--dry-run` prints them instead. */
async function runSummaries(values: Options): Promise<number> {
  const day = values.date ?? todayInParis();
  if (!isIsoDate(day)) {
    console.error(`--date YYYY-MM-DD must be a calendar day\n\n${USAGE}`);
    return 2;
  }
  const config = { ...loadConfig(), remindersEnabled: false };
  return withDatabase(async (_orm, url) => {
    const context = await NestFactory.createApplicationContext(AppModule.create(config, url), { logger: ['error', 'warn'] });
    try {
      const summaries = context.get(SummariesService);
      const dueFrom = firstMondayOfMonth(day);
      if (day < dueFrom) {
        console.log(`${day}: nothing due yet — the month's summaries go out from its first Monday, ${dueFrom}.`);
        return 0;
      }
      if (values['dry-run']) {
        const planned = await summaries.dryRun(day);
        for (const p of planned)
          console.log(`${p.name} <${p.email}> — « ${p.subject} »: ${p.moved} moved, ${p.late} late, ${p.next} next milestones`);
        console.log(`${day}: ${planned.length} summaries to send (dry run: nothing recorded, nothing sent).`);
        return 0;
      }
      const report = await summaries.run(day);
      console.log(
        `${day}: ${report.recorded} summaries recorded for ${report.month}; sent ${report.delivery?.sent ?? 0}, retrying ${report.delivery?.retrying ?? 0}, failed ${report.delivery?.failed ?? 0}.`,
      );
      return 0;
    } finally {
      await context.close();
    }
  });
}

/** `report`: the council report of a roadmap at a day, written to `--out` (ADR 0021). */
async function writeReport(values: Options): Promise<number> {
  const parsed = reportCliOptions(values);
  if ('problems' in parsed) {
    console.error(`${parsed.problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const config = { ...loadConfig(), remindersEnabled: false };
  return withDatabase(async (_orm, url) => {
    const context = await NestFactory.createApplicationContext(AppModule.create(config, url), { logger: ['error', 'warn'] });
    try {
      const written = await writeReportFile(context.get(ReportService), parsed.options);
      console.log(`Wrote ${written.path} (${written.filename}, ${(written.bytes / 1024).toFixed(0)} KiB).`);
      return 0;
    } finally {
      await context.close();
    }
  });
}

/** `purge`: the retention purge now (ADR 0027); `--dry-run` counts what it would delete. */
async function runPurge(values: Options): Promise<number> {
  const config = { ...loadConfig(), remindersEnabled: false };
  return withDatabase(async (_orm, url) => {
    const context = await NestFactory.createApplicationContext(AppModule.create(config, url), { logger: ['error', 'warn'] });
    try {
      const report = await context.get(PurgeService).run(undefined, { dryRun: values['dry-run'] ?? false });
      for (const [table, n] of Object.entries(report.counts)) console.log(`${table}: ${n}`);
      console.log(
        `${report.day}: ${report.dryRun ? 'dry run — nothing deleted' : 'purged'} (retention: ${JSON.stringify(config.retention)}).`,
      );
      return 0;
    } finally {
      await context.close();
    }
  });
}

async function inviteAdmin(values: Options): Promise<number> {
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
  console.log(
    `${email} is an administrator. To choose the password, open (once, before ${expiresAt.toISOString()}):\n${linkFor(config.publicUrl, 'invitation', token)}`,
  );
  return 0;
}

/** A Map, not an object literal: "toString" or "constructor" must stay unknown commands. */
const COMMANDS = new Map<string, Command>([
  ['seed', seed],
  ['roadmap:export', exportOne],
  ['roadmap:new', newRoadmap],
  ['reminders', runReminders],
  ['summaries', runSummaries],
  ['report', writeReport],
  ['admin:invite', inviteAdmin],
  ['purge', runPurge],
  ['backup', (values) => backupCommand(values, USAGE, startEmbeddedPostgres)],
  ['restore', (values) => restoreCommand(values, USAGE, startEmbeddedPostgres)],
]);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const values = parseOptions(rest);
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const dir = seedsDir();
  // loaded before any command, as it always was: a broken kit stops every command (exit 1)
  const kit = loadKit(KIT_FILE(dir));
  const run = COMMANDS.get(command);
  if (!run) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  return run(values, kit, dir);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof SeedFileError ? `Seed file refused — ${e.message}` : (e as Error).message);
    process.exit(1);
  },
);
