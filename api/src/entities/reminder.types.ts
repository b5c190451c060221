// The codes of the reminders' SQL-only tables (ADR 0012); their check constraints hold the same lists.
/** an item's reminders, and `stale`: an indicator waiting for a measurement */
export type ReminderRule = 'before' | 'due' | 'overdue' | 'escalation' | 'stale';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';
export type CalendarScope = 'person' | 'function' | 'roadmap';
