import type { EntityManager } from '@mikro-orm/postgresql';

import type { AccountTokenKind } from '../../entities';
import { randomToken, tokenHash } from './secrets';

/**
 * A one-time link's token for an account (invitation or reset), stored as its SHA-256; the
 * account's earlier unused tokens of that kind stop working. Used by the API and the CLI.
 */
export async function issueToken(
  em: EntityManager,
  accountId: string,
  kind: AccountTokenKind,
  ttlMinutes: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  await em.execute('update account_token set used_at = now() where account_id = ? and kind = ? and used_at is null', [accountId, kind]);
  const [row] = await em.execute<Array<{ expires_at: Date }>>(
    `insert into account_token (id, token_hash, account_id, kind, created_at, expires_at)
     values (gen_random_uuid(), ?, ?, ?, now(), now() + make_interval(mins => ?)) returning expires_at`,
    [tokenHash(token), accountId, kind, ttlMinutes],
  );
  return { token, expiresAt: new Date(row.expires_at) };
}

/** The web page a token opens. */
export function linkFor(publicUrl: string, kind: AccountTokenKind, token: string): string {
  return `${publicUrl}/${kind === 'invitation' ? 'invitation' : 'nouveau-mot-de-passe'}?token=${token}`;
}
