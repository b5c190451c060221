// What the CLI and other features may use of reminders: the job, the day's selection for a dry run, and the
// e-mail outbox (the monthly summaries record their messages in it, under the same guarantees: ADR 0009, 0022).
export { RemindersModule } from './reminders.module';
export { RemindersService } from './reminders.service';
export { selectDueReminders } from './due-reminders';
export { OutboxService } from './outbox.service';
export type { DeliveryReport } from './outbox.service';
export type { OutboxKind } from './outbox.queries';
