import { Action, ActionDependency } from './action.entity';
import { ChangeEntry } from './change.entity';
import { Milestone } from './milestone.entity';
import { Account, AccountToken, LoginThrottle, Session } from './account.entity';
import { Phase } from './phase.entity';
import { CalendarFeed, Notification, OutboxMessage, ReminderRun } from './reminder.entity';
import { Roadmap } from './roadmap.entity';
import { TargetFunction } from './target-function.entity';

export {
  Account,
  AccountToken,
  Action,
  ActionDependency,
  CalendarFeed,
  ChangeEntry,
  LoginThrottle,
  Milestone,
  Notification,
  OutboxMessage,
  Phase,
  ReminderRun,
  Roadmap,
  Session,
  TargetFunction,
};
export type { CalendarScope, OutboxStatus, ReminderRule } from './reminder.entity';
export type { AccountTokenKind } from './account.entity';
export type { ItemType } from './change.entity';
export type { Volet } from './target-function.entity';

/** Listed as classes, not globs: the API ships as one webpack bundle. */
export const ENTITIES = [
  Account,
  Session,
  AccountToken,
  LoginThrottle,
  Roadmap,
  Phase,
  TargetFunction,
  Action,
  ActionDependency,
  Milestone,
  ChangeEntry,
  Notification,
  OutboxMessage,
  ReminderRun,
  CalendarFeed,
];
