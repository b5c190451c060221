import type { EntityManager } from '@mikro-orm/postgresql';

import { Sql } from '../../infra/database/sql';
import type { AccountTokenKind } from '../../entities';
import { AuthQueries } from './auth.queries';
import { randomToken, tokenHash } from './secrets';

/**
 * A one-time link's token for an account (invitation or reset), stored as its SHA-256; the
 * account's earlier unused tokens of that kind stop working. Used by the API and the CLI; both
 * statements run on `em` (in its transaction when it has one).
 */
export async function issueToken(
  em: EntityManager,
  accountId: string,
  kind: AccountTokenKind,
  ttlMinutes: number,
): Promise<{ token: string; expiresAt: Date }> {
  const queries = new AuthQueries(new Sql(em));
  const token = randomToken();
  await queries.endUnusedTokens(accountId, kind, em);
  const expiresAt = await queries.insertToken({ tokenHash: tokenHash(token), accountId, kind }, ttlMinutes, em);
  return { token, expiresAt };
}

/** The web page a token opens. */
export function linkFor(publicUrl: string, kind: AccountTokenKind, token: string): string {
  return `${publicUrl}/${kind === 'invitation' ? 'invitation' : 'nouveau-mot-de-passe'}?token=${token}`;
}
