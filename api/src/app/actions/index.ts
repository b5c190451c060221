// What other features may use of actions: the reader, and the column of an action's predecessors.
export { ActionsModule } from './actions.module';
export { ActionsReader } from './actions.reader';
export { ACTION_ORDER, predecessorIdsColumn } from './actions.queries';
