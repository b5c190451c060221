import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthQueries } from './auth.queries';
import { AuthService } from './auth.service';
import { SessionsQueries } from './sessions.queries';
import { SessionsService } from './sessions.service';
import { ThrottleQueries } from './throttle.queries';
import { ThrottleService } from './throttle.service';

/**
 * Sign-in, sessions, one-time links and the one global guard (deny by default, ADR 0007–0008).
 * Every feature uses its policies (`@Allow(Access.…)`) through `auth/index.ts`.
 */
@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsService,
    ThrottleService,
    AuthQueries,
    SessionsQueries,
    ThrottleQueries,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, SessionsService],
})
export class AuthModule {}
