import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';

import { APP_CONFIG } from '../infra/config/config';
import type { AppConfig } from '../infra/config/config';
import { ormOptions } from '../infra/database/mikro-orm.config';
import { ApiErrorFilter } from '../infra/http/error.filter';
import { createValidationPipe } from '../infra/http/validation.pipe';
import { ActionsController } from './actions/actions.controller';
import { ActionsService } from './actions/actions.service';
import { ExportService } from './export/export.service';
import { HealthController } from './health/health.controller';
import { MilestonesController } from './milestones/milestones.controller';
import { MilestonesService } from './milestones/milestones.service';
import { PersonsController } from './persons/persons.controller';
import { RoadmapReadModel } from './roadmaps/read-model';
import { RoadmapsController } from './roadmaps/roadmaps.controller';

@Module({})
export class AppModule {
  /** The whole API on one database. The pipe and the filter are providers, so test modules get them too. */
  static create(config: Pick<AppConfig, 'chronogramCacheSize'>, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [MikroOrmModule.forRoot({ ...ormOptions(databaseUrl), registerRequestContext: true })],
      controllers: [HealthController, RoadmapsController, ActionsController, MilestonesController, PersonsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        RoadmapReadModel,
        ActionsService,
        ExportService,
        MilestonesService,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
      ],
    };
  }
}
