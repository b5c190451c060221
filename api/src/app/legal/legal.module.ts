import { Module } from '@nestjs/common';

import { LegalController } from './legal.controller';

/** `GET /api/public/instance`: the instance's legal facts, retention periods and accessibility status (issue 13). */
@Module({ controllers: [LegalController] })
export class LegalModule {}
