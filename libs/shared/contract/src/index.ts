export * from './lib/validation';
export * from './lib/errors';
export * from './lib/views';
export * from './lib/actions.dto';
export * from './lib/milestones.dto';
export * from './lib/queries.dto';
export * from './lib/accounts.dto';
export * from './lib/reminders.dto';
