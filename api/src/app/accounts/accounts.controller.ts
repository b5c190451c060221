import { Body, Controller, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InviteAccountDto, UpdateAccountDto } from '@jalons/contract';
import type { AccountView, InvitationView } from '@jalons/contract';

import { uuid } from '../../infra/http/params';
import type { AuthenticatedRequest } from '../auth';
import { Access, Allow } from '../auth';
import { AccountsService } from './accounts.service';

@ApiTags('accounts')
@Controller('accounts')
@Allow(Access.admin)
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: 'Les comptes (administrateur)' })
  list(): Promise<AccountView[]> {
    return this.accounts.list();
  }

  @Post()
  @ApiOperation({ summary: 'Inviter une personne : compte sans mot de passe et lien envoyé par courriel' })
  invite(@Body() dto: InviteAccountDto, @Req() req: AuthenticatedRequest): Promise<InvitationView> {
    return this.accounts.invite(dto, req.account!);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Changer le nom, le rôle, les fonctions portées, ou désactiver (avec la version lue)' })
  update(@Param('id', uuid('id')) id: string, @Body() dto: UpdateAccountDto, @Req() req: AuthenticatedRequest): Promise<AccountView> {
    return this.accounts.update(id, dto, req.account!);
  }

  @Post(':id/invitation')
  @ApiOperation({ summary: 'Renvoyer une invitation (compte sans mot de passe)' })
  reinvite(@Param('id', uuid('id')) id: string, @Req() req: AuthenticatedRequest): Promise<InvitationView> {
    return this.accounts.reinvite(id, req.account!);
  }
}
