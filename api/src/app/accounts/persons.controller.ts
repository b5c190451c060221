import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PersonView } from '@jalons/contract';
import { Access, Allow } from '../auth/policies';

@ApiTags('persons')
@Controller('persons')
@Allow(Access.signedIn)
export class PersonsController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  list(): Promise<PersonView[]> {
    return this.em.getConnection().execute<PersonView[]>('select id, name, email from account where active order by name');
  }
}
