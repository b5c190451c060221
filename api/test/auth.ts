import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Role } from '@jalons/domain';
import request from 'supertest';

import { hashPassword } from '../src/app/auth/secrets';
import type { TestDatabase } from './database';

export type TestAgent = ReturnType<typeof request.agent>;

export const TEST_PASSWORD = 'un mot de passe de test';

/** The Brest roadmap's people, one per role (the administrator is added by the tests). */
export const BREST: Record<Role, string> = {
  admin: 'admin@test.example',
  lead: 'camille.legoff@brest.example',
  owner: 'soizic.lebihan@brest.example',
  elected: 'yannick.kerherve@brest.example',
};

let hashed: Promise<string> | null = null;

/** Gives the account a known password (creating it when absent), with the role asked. */
export async function ensureAccount(
  db: TestDatabase,
  email: string,
  role: Role,
  name = `Compte de test ${email.split('@')[0]}`,
): Promise<string> {
  hashed ??= hashPassword(TEST_PASSWORD);
  const hash = await hashed;
  const [row] = await db.query<{ id: string }>(
    `insert into account (id, created_at, updated_at, name, email, role, active, password_hash, version)
     values (gen_random_uuid(), now(), now(), $1, $2, $3, true, $4, 1)
     on conflict ((lower(email))) do update set role = excluded.role, active = true, password_hash = excluded.password_hash
     returning id`,
    [name, email, role, hash],
  );
  return row.id;
}

/** The XSRF-TOKEN value a response sets, if it sets one. */
export function xsrfFrom(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const c = cookies.find((x) => x.startsWith('XSRF-TOKEN='));
  return c ? decodeURIComponent(c.split(';')[0].slice('XSRF-TOKEN='.length)) : undefined;
}

/** A browser that has loaded the app: it holds the anonymous XSRF cookie and echoes it. */
export async function anonymous(app: NestExpressApplication): Promise<TestAgent> {
  const agent = request.agent(app.getHttpServer());
  const res = await agent.get('/api/auth/me').expect(401);
  agent.set('X-XSRF-TOKEN', xsrfFrom(res)!);
  return agent;
}

/** A browser signed in with e-mail and password, echoing its session's anti-CSRF token. */
export async function signInAs(app: NestExpressApplication, email: string, password = TEST_PASSWORD): Promise<TestAgent> {
  const agent = await anonymous(app);
  const res = await agent.post('/api/auth/login').send({ email, password }).expect(200);
  agent.set('X-XSRF-TOKEN', xsrfFrom(res)!);
  return agent;
}

/** Signs in as the Brest person holding `role` (an administrator is created). */
export async function signIn(app: NestExpressApplication, db: TestDatabase, role: Role): Promise<TestAgent> {
  await ensureAccount(db, BREST[role], role);
  return signInAs(app, BREST[role]);
}
