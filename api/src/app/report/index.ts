// What other features (and the CLI) may use of the council report: its module and its service.
export { ReportModule } from './report.module';
export { ReportService } from './report.service';
export type { ReportFile, ReportRenderOptions } from './report.service';
export { reportCliOptions, writeReportFile } from './report-cli';
export type { ReportCliOptions, ReportCliValues } from './report-cli';
