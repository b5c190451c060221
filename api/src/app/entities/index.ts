import { Action, ActionDependency } from './action.entity';
import { ChangeEntry } from './change.entity';
import { Milestone } from './milestone.entity';
import { Person } from './person.entity';
import { Phase } from './phase.entity';
import { Roadmap } from './roadmap.entity';
import { TargetFunction } from './target-function.entity';

export { Action, ActionDependency, ChangeEntry, Milestone, Person, Phase, Roadmap, TargetFunction };
export type { ItemType } from './change.entity';
export type { Volet } from './target-function.entity';

/** Listed as classes, not globs: the API ships as one webpack bundle. */
export const ENTITIES = [Person, Roadmap, Phase, TargetFunction, Action, ActionDependency, Milestone, ChangeEntry];
