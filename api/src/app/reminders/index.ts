// What the CLI and other features may use of reminders: the job, and the day's selection for a dry run.
export { RemindersModule } from './reminders.module';
export { RemindersService } from './reminders.service';
export { selectDueReminders } from './due-reminders';
