// What other features may use of milestones: the reader and the chronogram's order.
export { MilestonesModule } from './milestones.module';
export { MilestonesReader } from './milestones.reader';
export { MILESTONE_ORDER } from './milestones.queries';
export { achievedOnViolations } from './milestone-rules';
