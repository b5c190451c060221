import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';

import type { AppConfig } from '../infra/config/config';
import { ApiErrorFilter } from '../infra/http/error.filter';
import { ServerPages } from '../infra/http/server-pages';
import { createValidationPipe } from '../infra/http/validation.pipe';
import { InfraModule } from '../infra/infra.module';
import { AccountsModule } from './accounts';
import { ActionsModule } from './actions';
import { ActorsModule } from './actors';
import { BackupModule } from './backup';
import { AuthModule } from './auth';
import { BaselinesModule } from './baselines';
import { CalendarsModule } from './calendars';
import { ChronogramModule } from './chronogram';
import { EvidenceModule } from './evidence';
import { ExportModule } from './export';
import { GovernanceModule } from './governance';
import { HealthModule } from './health';
import { HistoryModule } from './history';
import { ImportModule } from './import';
import { IndicatorsModule } from './indicators';
import { LegalModule } from './legal';
import { MetricsModule } from './metrics';
import { MilestonesModule } from './milestones';
import { MyItemsModule } from './my-items';
import { OpenDataModule } from './open-data';
import { PlanningModule } from './planning';
import { PrivacyModule } from './privacy';
import { ProgressModule } from './progress';
import { PublicModule } from './public';
import { RemindersModule } from './reminders';
import { ReportModule } from './report';
import { RoadmapsModule } from './roadmaps';
import { SiteModule } from './site';
import { SummariesModule } from './summaries';
import { TrashModule } from './trash';
import { RoadmapSetupModule } from './roadmap-setup';

/** The features, in the order their dependencies run (docs/architecture.md draws them). */
const FEATURES = [
  HealthModule,
  MetricsModule,
  AuthModule,
  AccountsModule,
  RoadmapsModule,
  RoadmapSetupModule,
  HistoryModule,
  TrashModule,
  GovernanceModule,
  BaselinesModule,
  ActionsModule,
  MilestonesModule,
  ChronogramModule,
  ExportModule,
  ImportModule,
  PublicModule,
  SiteModule,
  OpenDataModule,
  LegalModule,
  RemindersModule,
  CalendarsModule,
  PlanningModule,
  MyItemsModule,
  ActorsModule,
  IndicatorsModule,
  EvidenceModule,
  SummariesModule,
  PrivacyModule,
  ReportModule,
  ProgressModule,
  BackupModule,
];

@Module({})
export class AppModule {
  /** The whole API on one database. The pipe and the filter are providers, so test modules get them too. */
  static create(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [InfraModule.forRoot(config, databaseUrl), ...FEATURES],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        // the public page drawn by the server (ADR 0040): its worker lives and stops with the application
        { provide: ServerPages, useFactory: () => new ServerPages(config.webDir) },
      ],
    };
  }
}
