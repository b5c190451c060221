// What the CLI may use of personal data rights: the retention purge and its report.
export { PrivacyModule } from './privacy.module';
export { PurgeService } from './purge.service';
export type { PurgeReport } from './purge.service';
