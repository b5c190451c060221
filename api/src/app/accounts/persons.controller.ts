import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PersonView } from '@jalons/contract';

import { Access, Allow } from '../auth';
import { PersonsReader } from './persons.reader';

@ApiTags('persons')
@Controller('persons')
@Allow(Access.signedIn)
export class PersonsController {
  constructor(private readonly persons: PersonsReader) {}

  @Get()
  list(): Promise<PersonView[]> {
    return this.persons.active();
  }
}
