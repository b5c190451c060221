import { Module } from '@nestjs/common';

import { AuthModule } from '../auth';
import { CalendarsController } from './calendars.controller';
import { CalendarsQueries } from './calendars.queries';
import { CalendarsService } from './calendars.service';

/** iCalendar feeds of one's deadlines, behind revocable tokens. */
@Module({
  imports: [AuthModule],
  controllers: [CalendarsController],
  providers: [CalendarsService, CalendarsQueries],
})
export class CalendarsModule {}
