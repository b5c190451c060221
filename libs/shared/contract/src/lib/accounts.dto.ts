import { PASSWORD_MAX, PASSWORD_MIN, ROLES, TEXT_MAX } from '@jalons/domain';
import type { DigestFrequency, Role } from '@jalons/domain';
import { Transform, Type } from 'class-transformer';
import { Allow, IsBoolean, IsEmail, IsIn, IsObject, IsOptional, IsString, Length, ValidateBy, ValidateNested } from 'class-validator';

import { ReminderRulesDto } from './reminders.dto';
import { IsText, IsUuidList, IsVersion } from './validation';

const EMAIL = 'email doit être une adresse électronique valide (nom@domaine.fr).';
const PASSWORD = `password doit compter de ${PASSWORD_MIN} à ${PASSWORD_MAX} caractères (une phrase de passe convient très bien).`;
const ROLE = `role doit valoir l’un de : ${ROLES.join(', ')}.`;
const FUNCTIONS = 'functionIds doit être une liste d’identifiants de fonctions (UUID), 50 au plus.';

const lowerTrim = Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** A password: counted in code points; never trimmed (spaces are part of it). */
function IsPassword(): PropertyDecorator {
  return ValidateBy({
    name: 'isPassword',
    validator: {
      validate: (v: unknown) =>
        typeof v === 'string' && [...v].length >= PASSWORD_MIN && [...v].length <= PASSWORD_MAX && !v.includes('\u0000'),
      defaultMessage: () => PASSWORD,
    },
  });
}

export class LoginDto {
  @lowerTrim
  @IsEmail({}, { message: EMAIL })
  @Length(3, TEXT_MAX.email, { message: EMAIL })
  email!: string;

  /** not checked against the length rule: a wrong password of any length gets the same answer */
  @IsString({ message: 'password doit être un texte.' })
  @Length(1, 1000, { message: 'password doit être renseigné.' })
  password!: string;
}

export class InviteAccountDto {
  @IsText(1, TEXT_MAX.name)
  name!: string;

  @lowerTrim
  @IsEmail({}, { message: EMAIL })
  @Length(3, TEXT_MAX.email, { message: EMAIL })
  email!: string;

  @IsIn(ROLES, { message: ROLE })
  role!: Role;

  /** the functions a function owner takes over (their previous owner loses them) */
  @IsOptional()
  @IsUuidList(50, FUNCTIONS)
  functionIds?: string[];
}

export class UpdateAccountDto {
  @IsVersion()
  version!: number;

  @IsOptional()
  @IsText(1, TEXT_MAX.name)
  name?: string;

  @IsOptional()
  @IsIn(ROLES, { message: ROLE })
  role?: Role;

  @IsOptional()
  @IsUuidList(50, FUNCTIONS)
  functionIds?: string[];

  /** false: the account can no longer sign in and its sessions end at once */
  @IsOptional()
  @IsBoolean({ message: 'active doit valoir true ou false.' })
  active?: boolean;
}

export class AcceptInvitationDto {
  @IsString({ message: 'token doit être le jeton reçu par courriel.' })
  @Length(20, 200, { message: 'token doit être le jeton reçu par courriel.' })
  token!: string;

  @IsPassword()
  password!: string;
}

export class ResetPasswordDto extends AcceptInvitationDto {}

export class RequestPasswordResetDto {
  @lowerTrim
  @IsEmail({}, { message: EMAIL })
  @Length(3, TEXT_MAX.email, { message: EMAIL })
  email!: string;
}

export class ChangePasswordDto {
  @IsString({ message: 'currentPassword doit être votre mot de passe actuel.' })
  @Length(1, 1000, { message: 'currentPassword doit être votre mot de passe actuel.' })
  currentPassword!: string;

  @IsPassword()
  password!: string;
}

export class RoadmapSettingsDto {
  @IsVersion()
  version!: number;

  /** the public page (no personal data) of the roadmap, off by default */
  @IsOptional()
  @IsBoolean({ message: 'publicPage doit valoir true ou false.' })
  publicPage?: boolean;

  /** when function owners are reminded of due dates */
  @IsOptional()
  @IsObject({ message: 'reminders doit décrire les règles de rappel (un objet, pas une liste).' })
  @ValidateNested({ message: 'reminders doit décrire les règles de rappel.' })
  @Type(() => ReminderRulesDto)
  reminders?: ReminderRulesDto;

  /**
   * the sites allowed to show the roadmap's widget (/public/<slug>/encart) in a frame: at most 20 origins
   * (`https://host[:port]`, no path); checked by the settings service with parseEmbedOrigins (422 naming embedOrigins)
   */
  @IsOptional()
  @Allow()
  embedOrigins?: string[];
}

/** GET /api/auth/me: the signed-in account. */
export interface MeView {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** ids of the functions this account owns */
  functionIds: string[];
  /** when the session ends without activity (ISO instant) */
  sessionExpiresAt: string;
  /** reminders by e-mail: daily digest, weekly digest, or none */
  digest: DigestFrequency;
}

/**
 * GET /api/auth/session: who is signed in on this browser, if anybody — always a 200, so that a page
 * opened signed out (the sign-in page, a public page) logs no failed request in the browser's console.
 */
export interface SessionView {
  /** the signed-in account, null when nobody is signed in (or the session has ended) */
  account: MeView | null;
}

export interface AccountFunctionView {
  id: string;
  code: string;
  name: string;
  roadmapId: string;
}

/** An account as the administrator sees it. */
export interface AccountView {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  functions: AccountFunctionView[];
  /** false while an invitation has not been accepted */
  hasPassword: boolean;
  /** the newest unused invitation's expiry, if one is pending */
  invitationExpiresAt: string | null;
  lastLoginAt: string | null;
  /** when an administrator anonymised the account (issue 13): it is then « Ancien·ne responsable », inactive for good */
  anonymisedAt: string | null;
  version: number;
}

/** POST /api/accounts (invitation) and POST /api/accounts/:id/invitation (sent again). */
export interface InvitationView {
  account: AccountView;
  /** whether the e-mail was handed to the SMTP server */
  mailed: boolean;
  expiresAt: string;
}
