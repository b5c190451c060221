import { Action, ActionDependency } from './action.entity';
import { ChangeEntry } from './change.entity';
import { Milestone } from './milestone.entity';
import { Account } from './account.entity';
import { Phase } from './phase.entity';
import { Roadmap } from './roadmap.entity';
import { TargetFunction } from './target-function.entity';

export { Account, Action, ActionDependency, ChangeEntry, Milestone, Phase, Roadmap, TargetFunction };
export type { CalendarScope, OutboxStatus, ReminderRule } from './reminder.types';
export { SQL_TABLES } from './sql-tables';
export type { AccountTokenKind } from './account.entity';
export type { ItemType } from './change.entity';
export type { Volet } from './target-function.entity';

/** Listed as classes, not globs: the API ships as one webpack bundle. */
export const ENTITIES = [Account, Roadmap, Phase, TargetFunction, Action, ActionDependency, Milestone, ChangeEntry];
