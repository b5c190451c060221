// The codes of the reminders' SQL-only tables (ADR 0012); their check constraints hold the same lists.
export type ReminderRule = 'before' | 'due' | 'overdue' | 'escalation';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';
export type CalendarScope = 'person' | 'function' | 'roadmap';
