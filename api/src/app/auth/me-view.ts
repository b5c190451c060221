import type { MeView } from '@jalons/contract';

import type { SignedIn } from './sessions.service';

/** The signed-in account as the web app reads it (`GET /api/auth/me`, and the notifications' header). */
export function meView(who: SignedIn): MeView {
  return {
    id: who.id,
    name: who.name,
    email: who.email,
    role: who.role,
    functionIds: [...who.functionIds],
    sessionExpiresAt: who.expiresAt.toISOString(),
    digest: who.digest,
  };
}
