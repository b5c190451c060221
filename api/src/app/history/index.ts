// What other features may use of the history: the reader, and the write helpers run in their transactions.
export { HistoryModule } from './history.module';
export { HistoryReader } from './history.reader';
export { diff, recordChanges, recordManyChanges } from './history.writer';
export type { Change, ItemChanges } from './history.writer';
