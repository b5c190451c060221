// What the CLI may use of the monthly summaries: the run, its dry run and their reports.
export { SummariesModule } from './summaries.module';
export { SummariesService } from './summaries.service';
export type { PlannedSummary, SummaryRunReport } from './summaries.service';
