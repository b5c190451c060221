import { Module } from '@nestjs/common';

import { AuthModule } from '../auth';
import { CalendarsController } from './calendars.controller';
import { CalendarsService } from './calendars.service';

/** iCalendar feeds of one's deadlines, behind revocable tokens. */
@Module({
  imports: [AuthModule],
  controllers: [CalendarsController],
  providers: [CalendarsService],
})
export class CalendarsModule {}
