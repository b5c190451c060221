// What other features may use of actions: the reader, the column of an action's predecessors, the rules the import checks per row.
export { ActionsModule } from './actions.module';
export { ActionsReader } from './actions.reader';
export { ACTION_ORDER, predecessorIdsColumn } from './actions.queries';
export { ownerViolations, voletViolations } from './action-rules';
