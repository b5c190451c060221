// What other features may use of baselines: its module and its queries (whether an item is in the latest baseline).
export { BaselinesModule } from './baselines.module';
export { BaselineQueries } from './baselines.queries';
export { replanReason } from './replan-reason';
export type { BaselineRow, PlannedItemRow } from './baselines.queries';
