import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@jalons/domain';

import { hashPassword, verifyPassword } from '../app/auth';

/**
 * The demo accounts, one per role: on the embedded database outside production only
 * (config.demoAccounts), listed in the README and printed at start. The lead, owner and elected
 * official are the Brest roadmap's fictional people.
 */
export const DEMO_PASSWORD = 'demo-jalons-2026';
export const DEMO_ACCOUNTS: ReadonlyArray<{ role: Role; name: string; email: string }> = [
  { role: 'admin', name: 'Administration Jalons (démo)', email: 'admin@brest.example' },
  { role: 'lead', name: 'Camille Le Goff', email: 'camille.legoff@brest.example' },
  { role: 'owner', name: 'Soizic Le Bihan', email: 'soizic.lebihan@brest.example' },
  { role: 'elected', name: 'Yannick Kerhervé', email: 'yannick.kerherve@brest.example' },
];

export interface StartupAccounts {
  admin: { email: string; password: string } | null;
  demo: boolean;
}

/**
 * Runs at start, under the setup lock. The first administrator from ADMIN_EMAIL/ADMIN_PASSWORD
 * is created (or an existing account with that e-mail promoted) only while no active
 * administrator exists. Demo accounts get their password only while they have none (a changed
 * demo password is kept). Returns what was done, for the log.
 */
export async function ensureStartupAccounts(em: EntityManager, options: StartupAccounts): Promise<string[]> {
  const done: string[] = [];
  const sql = em.getConnection();
  if (!options.demo) {
    // demo accounts left over from a trial on the same data (password still the published one) lose it
    const demo = await sql.execute<Array<{ id: string; email: string; password_hash: string }>>(
      'select id, email, password_hash from account where lower(email) in (?) and password_hash is not null',
      [DEMO_ACCOUNTS.map((d) => d.email)],
    );
    for (const d of demo) {
      if (await verifyPassword(d.password_hash, DEMO_PASSWORD)) {
        await sql.execute('update account set password_hash = null, version = version + 1 where id = ?', [d.id]);
        await sql.execute('delete from session where account_id = ?', [d.id]);
        done.push(`demo password removed from ${d.email}`);
      }
    }
  }
  if (options.admin) {
    // no administrator who can sign in (an administrator without a password does not count)
    const [{ n }] = await sql.execute<Array<{ n: number }>>(
      `select count(*)::int as n from account where role = 'admin' and active and password_hash is not null`,
    );
    if (n === 0) {
      const hash = await hashPassword(options.admin.password);
      const [existing] = await sql.execute<Array<{ id: string }>>('select id from account where lower(email) = ?', [options.admin.email]);
      if (existing) {
        await sql.execute(`update account set role = 'admin', active = true, password_hash = ?, version = version + 1 where id = ?`, [
          hash,
          existing.id,
        ]);
      } else {
        await sql.execute(
          `insert into account (id, created_at, updated_at, name, email, role, active, password_hash, version) values (gen_random_uuid(), now(), now(), 'Administrateur', ?, 'admin', true, ?, 1)`,
          [options.admin.email, hash],
        );
      }
      done.push(`first administrator ${options.admin.email} (from ADMIN_EMAIL)`);
    }
  }
  if (options.demo) {
    // one query for the four, and the (deliberately slow) hash only when an account needs it
    const rows = await sql.execute<Array<{ email: string; id: string; password_hash: string | null }>>(
      'select lower(email) as email, id, password_hash from account where lower(email) in (?)',
      [DEMO_ACCOUNTS.map((d) => d.email)],
    );
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    const todo = DEMO_ACCOUNTS.filter((d) => !byEmail.get(d.email)?.password_hash);
    const hash = todo.length ? await hashPassword(DEMO_PASSWORD) : '';
    for (const d of todo) {
      const row = byEmail.get(d.email);
      if (!row) {
        await sql.execute(
          `insert into account (id, created_at, updated_at, name, email, role, active, password_hash, version) values (gen_random_uuid(), now(), now(), ?, ?, ?, true, ?, 1)`,
          [d.name, d.email, d.role, hash],
        );
      } else {
        await sql.execute('update account set role = ?, password_hash = ?, version = version + 1 where id = ?', [d.role, hash, row.id]);
      }
    }
    done.push('demo accounts');
  }
  return done;
}
