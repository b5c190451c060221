import { Global, Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';

import { APP_CONFIG } from './config/config';
import type { AppConfig } from './config/config';
import { ormOptions } from './database/mikro-orm.config';
import { Sql } from './database/sql';
import { MailService } from './mail/mail.service';

/**
 * What every feature may use without importing it: the checked configuration, the database
 * (MikroORM's EntityManager and plain `Sql`) and the mail sender. Global, built once by AppModule.
 */
@Global()
@Module({})
export class InfraModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: InfraModule,
      imports: [MikroOrmModule.forRoot({ ...ormOptions(databaseUrl), registerRequestContext: true })],
      providers: [{ provide: APP_CONFIG, useValue: config }, Sql, MailService],
      exports: [APP_CONFIG, Sql, MailService],
    };
  }
}
