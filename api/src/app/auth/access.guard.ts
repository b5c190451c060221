import { Injectable, Logger } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';

import { ApiException } from '../../infra/http/errors';
import { AuthQueries } from './auth.queries';
import { POLICY } from './policies';
import type { Policy } from './policies';
import { sameSecret } from './secrets';
import { SessionsService } from './sessions.service';
import type { SignedIn } from './sessions.service';
import { SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER } from './cookies';

export type AuthenticatedRequest = Request & { account?: SignedIn | null };

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one global guard, deny by default: finds the session, refuses unsafe requests without the
 * anti-CSRF token, then applies the route's policy. 401 when a session is needed and there is
 * none, 403 when the role may not.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly queries: AuthQueries,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const policy = this.reflector.getAllAndOverride<Policy | undefined>(POLICY, [ctx.getHandler(), ctx.getClass()]);
    const cookies = (req.cookies ?? {}) as Record<string, unknown>;
    const account = await this.sessions.resolve(cookies[SESSION_COOKIE]);
    req.account = account;
    if (!policy) {
      this.logger.error(`${req.method} ${req.route?.path ?? req.path} has no access policy: refused.`);
      throw ApiException.forbidden('Cette opération n’est ouverte à personne.');
    }
    if (!policy.anonymous && !account) throw ApiException.unauthenticated();
    if (!SAFE.has(req.method)) this.checkCsrf(req, account, cookies);
    if (!(await policy.allows(account, req, this.queries))) throw ApiException.forbidden();
    return true;
  }

  /**
   * Double submit, the way Angular does it: the X-XSRF-TOKEN header must repeat the XSRF-TOKEN
   * cookie (another site can make the browser send the cookie, not read it). With a session, the
   * token must also be the one bound to that session.
   */
  private checkCsrf(req: Request, account: SignedIn | null, cookies: Record<string, unknown>): void {
    const header = req.header(XSRF_HEADER);
    const ok = sameSecret(header, cookies[XSRF_COOKIE]) && (!account || sameSecret(header, account.csrfToken));
    if (!ok) {
      throw ApiException.forbidden('Jeton anti-falsification (XSRF) absent ou périmé : rechargez la page puis recommencez.', 'csrf_failed');
    }
  }
}
