export * from './lib/types';
export * from './lib/dates';
export * from './lib/phases';
export * from './lib/progress';
export * from './lib/rules';
export * from './lib/access';
export * from './lib/reminders';
export * from './lib/labels';
