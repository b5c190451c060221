import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AcceptInvitationDto, ChangePasswordDto, LoginDto, ResetPasswordDto } from '@jalons/contract';
import { formatFrDate, todayInParis } from '@jalons/domain';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { ApiException } from '../../infra/http/errors';
import { MailService, linkMail } from '../../infra/mail/mail.service';
import type { AccountTokenKind } from '../../entities';
import { AuthQueries } from './auth.queries';
import type { TokenRow } from './auth.queries';
import { hashPassword, tokenHash, verifyPassword } from './secrets';
import { issueToken, linkFor } from './tokens';
import { SessionsService } from './sessions.service';
import type { SignedIn } from './sessions.service';
import { ThrottleService } from './throttle.service';

const WRONG = 'Adresse électronique ou mot de passe incorrect.';

const minutes = (s: number) => Math.max(1, Math.ceil(s / 60));

/** Sign-in, sign-out, and the one-time links (invitation, password reset). */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly em: EntityManager,
    private readonly queries: AuthQueries,
    private readonly sessions: SessionsService,
    private readonly throttle: ThrottleService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG)
    private readonly config: Pick<
      AppConfig,
      'loginMaxFailures' | 'loginMaxFailuresPerIp' | 'publicUrl' | 'invitationTtlHours' | 'resetTtlMinutes'
    >,
  ) {}

  /**
   * Checks an e-mail and password. Attempts are counted per account and per address before the
   * check; over the limit the answer is 429 whatever the password. Unknown e-mail, wrong
   * password, no password yet, deactivated account: one answer, in about the same time.
   */
  async login(dto: LoginDto, ip: string): Promise<{ token: string; csrfToken: string }> {
    const byAccount = await this.throttle.hit(`email:${dto.email}`, this.config.loginMaxFailures);
    const byAddress = await this.throttle.hit(`ip:${ip}`, this.config.loginMaxFailuresPerIp);
    const worst = [byAccount, byAddress].filter((v) => !v.allowed).sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds)[0];
    if (worst) {
      throw ApiException.tooMany(
        worst.retryAfterSeconds,
        `Trop de tentatives de connexion. Réessayez dans ${minutes(worst.retryAfterSeconds)} minute${minutes(worst.retryAfterSeconds) > 1 ? 's' : ''}, ou réinitialisez votre mot de passe.`,
      );
    }
    const row = await this.queries.credentialsByEmail(dto.email);
    const ok = await verifyPassword(row?.password_hash ?? null, dto.password);
    if (!ok || !row?.active) {
      throw new ApiException({ statusCode: 401, error: 'invalid_credentials', message: WRONG });
    }
    await this.throttle.clear(`email:${dto.email}`);
    await this.throttle.giveBack(`ip:${ip}`);
    return this.sessions.open(row.id);
  }

  async changePassword(who: SignedIn, dto: ChangePasswordDto): Promise<void> {
    const verdict = await this.throttle.hit(`email:${who.email.toLowerCase()}`, this.config.loginMaxFailures);
    if (!verdict.allowed)
      throw ApiException.tooMany(
        verdict.retryAfterSeconds,
        `Trop de tentatives. Réessayez dans ${minutes(verdict.retryAfterSeconds)} minutes.`,
      );
    const stored = await this.queries.passwordHash(who.id);
    if (!(await verifyPassword(stored ?? null, dto.currentPassword))) {
      throw ApiException.validation(
        [{ field: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }],
        'Le mot de passe actuel est incorrect.',
      );
    }
    const hash = await hashPassword(dto.password);
    await this.em.transactional(async (tx) => {
      // the account's row first, then its links: the order a redemption takes too (see redeem)
      await this.queries.setPassword(who.id, hash, tx);
      // a link sent earlier (an invitation, a reset asked for) would otherwise set another password over this one
      await this.queries.spendTokens(who.id, tx);
    });
    await this.throttle.clear(`email:${who.email.toLowerCase()}`);
    // other browsers signed in with the old password are signed out
    await this.sessions.closeAll(who.id, who.sessionId);
  }

  /** Creates a one-time link for an account, ending the earlier unused links of the same kind. */
  issueToken(accountId: string, kind: AccountTokenKind, em: EntityManager = this.em): Promise<{ token: string; expiresAt: Date }> {
    const ttlMinutes = kind === 'invitation' ? this.config.invitationTtlHours * 60 : this.config.resetTtlMinutes;
    return issueToken(em, accountId, kind, ttlMinutes);
  }

  linkFor(kind: AccountTokenKind, token: string): string {
    return linkFor(this.config.publicUrl, kind, token);
  }

  async sendInvitation(to: { name: string; email: string }, invitedBy: string, token: string, expiresAt: Date): Promise<boolean> {
    return this.mail.send(
      linkMail(
        to.email,
        'Votre accès à Jalons, la feuille de route du service public local de la donnée',
        [
          `Bonjour ${to.name},`,
          `${invitedBy} vous invite à suivre la feuille de route du service public local de la donnée dans Jalons.`,
          `Choisissez votre mot de passe avec le lien ci-dessous. Il sert une seule fois et expire le ${formatFrDate(parisDay(expiresAt))} à ${parisTime(expiresAt)}.`,
        ],
        { label: 'Choisir mon mot de passe', url: this.linkFor('invitation', token) },
        'Si vous ne vous attendiez pas à ce message, ignorez-le : aucun compte ne sera utilisable sans ce lien.',
      ),
    );
  }

  /**
   * Sends a reset link when the e-mail belongs to an active account. The caller always answers
   * the same (202), and the mail leaves in the background so the timing tells nothing either.
   */
  async requestReset(email: string): Promise<void> {
    const verdict = await this.throttle.hit(`reset:${email}`, 3);
    if (!verdict.allowed) return;
    const row = await this.queries.activeByEmail(email);
    if (!row) return;
    const { token, expiresAt } = await this.issueToken(row.id, 'reset');
    void this.mail
      .send(
        linkMail(
          row.email,
          'Jalons : choisir un nouveau mot de passe',
          [
            `Bonjour ${row.name},`,
            'Une demande de nouveau mot de passe a été faite pour votre compte Jalons.',
            `Le lien ci-dessous sert une seule fois et expire à ${parisTime(expiresAt)} (heure de Paris).`,
          ],
          { label: 'Choisir un nouveau mot de passe', url: this.linkFor('reset', token) },
          'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.',
        ),
      )
      .catch((e) => this.logger.error(`reset mail: ${(e as Error).message}`));
  }

  /**
   * Uses a one-time link to set a password, in one transaction: the account's row is written (and
   * so locked) first, then the token row is locked, checked (known, of this kind, unused, unexpired,
   * account active) and marked used, with every other outstanding link of the account.
   */
  async redeem(kind: AccountTokenKind, dto: AcceptInvitationDto | ResetPasswordDto, ip: string): Promise<void> {
    // guessing links from one address is slowed down like guessing passwords
    const verdict = await this.throttle.hit(`redeem-ip:${ip}`, this.config.loginMaxFailuresPerIp);
    if (!verdict.allowed)
      throw ApiException.tooMany(
        verdict.retryAfterSeconds,
        `Trop de tentatives. Réessayez dans ${minutes(verdict.retryAfterSeconds)} minutes.`,
      );
    // the token is checked before the (costly) hash is computed, then again under its row lock
    const { account_id: accountId } = await this.em.transactional((tx) => this.usableToken(tx, kind, dto.token, false));
    const hash = await hashPassword(dto.password);
    const email = await this.em.transactional(async (tx) => {
      // the account's row before the token's, as a signed-in password change takes them: two password
      // settings of one account wait for each other instead of deadlocking; a refusal below rolls this back
      await this.queries.setPasswordFromLink(accountId, hash, tx);
      const row = await this.usableToken(tx, kind, dto.token, true);
      await this.queries.markTokenUsed(row.id, tx);
      // the account's other links (an invitation, a reset asked for meanwhile) must not set another password over this one
      await this.queries.spendTokens(accountId, tx);
      return row.email;
    });
    // a new password ends the sessions opened with the old one, and lifts a sign-in pause
    await this.sessions.closeAll(accountId);
    await this.throttle.clear(`email:${email.toLowerCase()}`);
  }

  /** The token's row when it can be used (known, of this kind, unused, unexpired, account active); else the right refusal. */
  private async usableToken(tx: EntityManager, kind: AccountTokenKind, token: string, lock: boolean): Promise<TokenRow> {
    const row = await this.queries.tokenByHash(tokenHash(token), kind, lock, tx);
    const again =
      kind === 'invitation'
        ? 'Demandez une nouvelle invitation à l’administrateur.'
        : 'Demandez un nouveau lien depuis la page « Mot de passe oublié ».';
    if (!row || !row.active) {
      throw new ApiException({
        statusCode: 404,
        error: 'token_unknown',
        message: `Ce lien n’est pas valable. ${again}`,
        errors: [{ field: 'token', message: 'Lien inconnu.' }],
      });
    }
    if (row.used_at) throw ApiException.gone('token_used', `Ce lien a déjà servi. ${again}`);
    if (row.expired) throw ApiException.gone('token_expired', `Ce lien a expiré. ${again}`);
    return row;
  }
}

export function parisDay(d: Date) {
  return todayInParis(d);
}

export function parisTime(d: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(d).replace(':', ' h ');
}
