import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnonymiseAccountDto } from '@jalons/contract';
import type { AccountView, PersonalDataExport } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { uuid } from '../../infra/http/params';
import { AccountsService } from '../accounts';
import type { AuthenticatedRequest } from '../auth';
import { Access, Allow } from '../auth';
import { AnonymiseService } from './anonymise.service';
import { PersonalDataService } from './export.service';

/** The right of access: the signed-in person's own data, as a JSON file (Mon compte « Mes données »). */
@ApiTags('privacy')
@Controller('account/data')
@Allow(Access.signedIn)
export class PersonalDataController {
  constructor(private readonly data: PersonalDataService) {}

  @Get()
  @ApiOperation({ summary: 'Mes données : tout ce que Jalons garde sur moi, en un fichier JSON' })
  async download(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<PersonalDataExport> {
    const data = await this.data.exportOf(req.account!.id);
    res.setHeader('Content-Disposition', `attachment; filename="mes-donnees-jalons-${todayInParis()}.json"`);
    return data;
  }
}

/** The right to erasure, for a departed person: the administrator anonymises the account (ADR 0027). */
@ApiTags('accounts')
@Controller('accounts')
@Allow(Access.admin)
export class AnonymiseController {
  constructor(
    private readonly anonymiser: AnonymiseService,
    private readonly accounts: AccountsService,
  ) {}

  @Post(':id/anonymise')
  @HttpCode(200)
  @ApiOperation({ summary: 'Anonymiser le compte d’une personne partie : nom et adresse remplacés partout, irréversible' })
  async anonymise(
    @Param('id', uuid('id')) id: string,
    @Body() dto: AnonymiseAccountDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<AccountView> {
    await this.anonymiser.anonymise(id, dto, req.account!);
    return this.accounts.get(id);
  }
}
