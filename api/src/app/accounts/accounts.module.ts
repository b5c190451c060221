import { Module } from '@nestjs/common';

import { AuthModule } from '../auth';
import { AccountsController } from './accounts.controller';
import { AccountsQueries } from './accounts.queries';
import { AccountsService } from './accounts.service';
import { PersonsController } from './persons.controller';
import { PersonsQueries } from './persons.queries';
import { PersonsReader } from './persons.reader';

/** Accounts as the administrator manages them, and persons as the other features name them. */
@Module({
  imports: [AuthModule],
  controllers: [AccountsController, PersonsController],
  providers: [AccountsService, AccountsQueries, PersonsQueries, PersonsReader],
  exports: [PersonsReader, AccountsService],
})
export class AccountsModule {}
