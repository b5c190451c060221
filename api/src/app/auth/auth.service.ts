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
import { longestWait, ThrottleService, throttleKeys as keys } from './throttle.service';

const WRONG = 'Adresse électronique ou mot de passe incorrect.';

/**
 * Reset requests one address may make for one e-mail within the window (then 429): a link always
 * reaches its owner from their own address, however many an attacker asks for from theirs.
 */
export const RESET_REQUESTS_PER_ACCOUNT_AND_ADDRESS = 3;

const minutes = (s: number) => Math.max(1, Math.ceil(s / 60));
const inMinutes = (s: number) => `${minutes(s)} minute${minutes(s) > 1 ? 's' : ''}`;
/** One message for every pause, whichever counter is full: it tells nothing of the account. */
const tooMany = (seconds: number, message = `Trop de tentatives. Réessayez dans ${inMinutes(seconds)}.`) =>
  ApiException.tooMany(seconds, message);

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
      | 'loginMaxFailures'
      | 'loginMaxFailuresPerAccount'
      | 'loginMaxFailuresPerIp'
      | 'resetMaxRequestsPerIp'
      | 'publicUrl'
      | 'invitationTtlHours'
      | 'resetTtlMinutes'
    >,
  ) {}

  /**
   * Checks an e-mail and password. Attempts are counted before the check per (account, address)
   * pair, per address and per account (a higher ceiling); over a limit the answer is 429 whatever
   * the password, with one message. An attempt refused by its pair or its address does not count
   * against the account, so one address hammering an e-mail never pauses its owner elsewhere.
   * Unknown e-mail, wrong password, no password yet, deactivated account: one answer, in about the same time.
   */
  async login(dto: LoginDto, ip: string): Promise<{ token: string; csrfToken: string }> {
    const byPair = await this.throttle.hit(keys.signInPair(dto.email, ip), this.config.loginMaxFailures);
    const byAddress = await this.throttle.hit(keys.signInAddress(ip), this.config.loginMaxFailuresPerIp);
    const byAccount =
      byPair.allowed && byAddress.allowed
        ? await this.throttle.hit(keys.signInAccount(dto.email), this.config.loginMaxFailuresPerAccount)
        : null;
    const wait = longestWait([byPair, byAddress, byAccount]);
    if (wait !== null) {
      throw tooMany(wait, `Trop de tentatives de connexion. Réessayez dans ${inMinutes(wait)}, ou réinitialisez votre mot de passe.`);
    }
    const row = await this.queries.credentialsByEmail(dto.email);
    const ok = await verifyPassword(row?.password_hash ?? null, dto.password);
    if (!ok || !row?.active) {
      throw new ApiException({ statusCode: 401, error: 'invalid_credentials', message: WRONG });
    }
    // this address's failures on the account are forgotten; the account and the address get this attempt back
    // (a city hall shares one address; the owner's success does not reset a ceiling that others' guesses fill)
    await this.throttle.clear(keys.signInPair(dto.email, ip));
    await this.throttle.giveBack(keys.signInAccount(dto.email));
    await this.throttle.giveBack(keys.signInAddress(ip));
    return this.sessions.open(row.id);
  }

  async changePassword(who: SignedIn, dto: ChangePasswordDto): Promise<void> {
    // counted on its own key: someone else's failed sign-ins on this e-mail do not stop its owner changing the password
    const verdict = await this.throttle.hit(keys.passwordChange(who.id), this.config.loginMaxFailures);
    if (!verdict.allowed) throw tooMany(verdict.retryAfterSeconds);
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
    await this.throttle.clear(keys.passwordChange(who.id));
    await this.throttle.clearAccount(who.email.toLowerCase());
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
   * Asks for a reset link. Requests are counted per address and per (e-mail, address) pair, known
   * e-mail or not: over a limit, 429 (never a silent drop, so the owner's own request always gets
   * through from their address). Otherwise the caller answers 202 at once, and the account is
   * looked up, the link written and mailed after the answer: a known address takes no longer.
   */
  async requestReset(email: string, ip: string): Promise<void> {
    const byAddress = await this.throttle.hit(keys.resetAddress(ip), this.config.resetMaxRequestsPerIp);
    const byPair = await this.throttle.hit(keys.resetPair(email, ip), RESET_REQUESTS_PER_ACCOUNT_AND_ADDRESS);
    const wait = longestWait([byAddress, byPair]);
    if (wait !== null) throw tooMany(wait);
    setImmediate(() => {
      this.sendResetLink(email).catch((e) => this.logger.error(`reset link: ${(e as Error).message}`));
    });
  }

  /** Writes and mails a reset link when the e-mail belongs to an active account (after the request was answered). */
  private async sendResetLink(email: string): Promise<void> {
    const row = await this.queries.activeByEmail(email);
    if (!row) return;
    // its own unit of work: the request's has answered already
    const { token, expiresAt } = await this.issueToken(row.id, 'reset', this.em.fork());
    await this.mail.send(
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
    ); // a refused mail is logged by the mail service
  }

  /**
   * Uses a one-time link to set a password, in one transaction: the account's row is written (and
   * so locked) first, then the token row is locked, checked (known, of this kind, unused, unexpired,
   * account active) and marked used, with every other outstanding link of the account.
   */
  async redeem(kind: AccountTokenKind, dto: AcceptInvitationDto | ResetPasswordDto, ip: string): Promise<void> {
    // guessing links from one address is slowed down like guessing passwords
    const verdict = await this.throttle.hit(keys.redeemAddress(ip), this.config.loginMaxFailuresPerIp);
    if (!verdict.allowed) throw tooMany(verdict.retryAfterSeconds);
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
    // a new password ends the sessions opened with the old one, and lifts every sign-in pause of the account
    await this.sessions.closeAll(accountId);
    await this.throttle.clearAccount(email.toLowerCase());
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
