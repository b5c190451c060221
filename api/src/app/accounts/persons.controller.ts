import { Controller, Get, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PersonView } from '@jalons/contract';

import type { AuthenticatedRequest } from '../auth';
import { Access, Allow } from '../auth';
import { PersonsReader } from './persons.reader';

@ApiTags('persons')
@Controller('persons')
@Allow(Access.signedIn)
export class PersonsController {
  constructor(private readonly persons: PersonsReader) {}

  /** The active accounts by name; their e-mails only for the roles that work with them (not the elected). */
  @Get()
  list(@Req() req: AuthenticatedRequest): Promise<PersonView[]> {
    return this.persons.active(req.account!.role);
  }
}
