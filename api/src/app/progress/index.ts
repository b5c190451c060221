// What other features may use of progress over time: the S-curve's reader (the council report draws it).
export { ProgressModule } from './progress.module';
export { ProgressReader } from './progress.reader';
export type { SCurveOptions } from './progress.reader';
