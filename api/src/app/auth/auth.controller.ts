import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AcceptInvitationDto, ChangePasswordDto, LoginDto, RequestPasswordResetDto, ResetPasswordDto } from '@jalons/contract';
import type { MeView, SessionView } from '@jalons/contract';
import type { Response } from 'express';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { ApiException } from '../../infra/http/errors';
import type { AuthenticatedRequest } from './access.guard';
import { AuthService } from './auth.service';
import { clearAuthCookies, ensureXsrfCookie, setSessionCookie, setXsrfCookie } from './cookies';
import { Access, Allow } from './policies';
import { meView } from './me-view';
import { SessionsService } from './sessions.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  @Get('me')
  @Allow(Access.public)
  @ApiOperation({ summary: 'Le compte connecté (401 sinon) ; pose le cookie XSRF-TOKEN' })
  me(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): MeView {
    if (!req.account) {
      ensureXsrfCookie(req, res, this.config.publicUrl);
      throw ApiException.unauthenticated('Vous n’êtes pas connecté·e.');
    }
    setXsrfCookie(req, res, this.config.publicUrl, req.account.csrfToken);
    return meView(req.account);
  }

  /** The web app's first question (issue 14): the same as `me`, with nobody signed in a 200 rather than a 401. */
  @Get('session')
  @Allow(Access.public)
  @ApiOperation({ summary: 'Qui est connecté sur ce navigateur (account: null sinon) ; pose le cookie XSRF-TOKEN' })
  session(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): SessionView {
    if (!req.account) {
      ensureXsrfCookie(req, res, this.config.publicUrl);
      return { account: null };
    }
    setXsrfCookie(req, res, this.config.publicUrl, req.account.csrfToken);
    return { account: meView(req.account) };
  }

  @Post('login')
  @HttpCode(200)
  @Allow(Access.public)
  @ApiOperation({ summary: 'Se connecter (adresse électronique et mot de passe)' })
  async login(@Body() dto: LoginDto, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<MeView> {
    if (req.account) await this.sessions.close(req.account.sessionId);
    const { token, csrfToken } = await this.auth.login(dto, req.ip ?? 'unknown');
    setSessionCookie(req, res, this.config.publicUrl, token);
    setXsrfCookie(req, res, this.config.publicUrl, csrfToken);
    const who = await this.sessions.resolve(token);
    return meView(who!);
  }

  @Post('logout')
  @HttpCode(204)
  @Allow(Access.public)
  @ApiOperation({ summary: 'Se déconnecter' })
  async logout(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (req.account) await this.sessions.close(req.account.sessionId);
    clearAuthCookies(req, res, this.config.publicUrl);
  }

  @Post('password')
  @HttpCode(204)
  @Allow(Access.signedIn)
  @ApiOperation({ summary: 'Changer son mot de passe (les autres sessions sont fermées)' })
  changePassword(@Body() dto: ChangePasswordDto, @Req() req: AuthenticatedRequest): Promise<void> {
    return this.auth.changePassword(req.account!, dto);
  }

  @Post('password-reset/request')
  @HttpCode(202)
  @Allow(Access.public)
  @ApiOperation({ summary: 'Recevoir un lien pour choisir un nouveau mot de passe (même réponse si l’adresse est inconnue)' })
  async requestReset(@Body() dto: RequestPasswordResetDto, @Req() req: AuthenticatedRequest): Promise<{ message: string }> {
    await this.auth.requestReset(dto.email, req.ip ?? 'unknown');
    return { message: 'Si un compte actif correspond à cette adresse, un lien vient de lui être envoyé.' };
  }

  @Post('password-reset')
  @HttpCode(204)
  @Allow(Access.public)
  @ApiOperation({ summary: 'Choisir un nouveau mot de passe avec le lien reçu' })
  reset(@Body() dto: ResetPasswordDto, @Req() req: AuthenticatedRequest): Promise<void> {
    return this.auth.redeem('reset', dto, req.ip ?? 'unknown');
  }

  @Post('invitation')
  @HttpCode(204)
  @Allow(Access.public)
  @ApiOperation({ summary: 'Accepter une invitation en choisissant son mot de passe' })
  accept(@Body() dto: AcceptInvitationDto, @Req() req: AuthenticatedRequest): Promise<void> {
    return this.auth.redeem('invitation', dto, req.ip ?? 'unknown');
  }
}
