// What other features may use of governance: its module, its reader (the report, the summaries) and the citation of a decision (baselines, re-plans).
export { GovernanceModule } from './governance.module';
export { GovernanceQueries } from './governance.queries';
export { citeDecision, UNKNOWN_DECISION } from './cite-decision';
