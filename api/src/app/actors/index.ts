// What other features may use of the diagnostic: its module and its reader (the register, the map, the figures).
export { ActorsModule } from './actors.module';
export { ActorsReader } from './actors.reader';
export type { ActorValues } from './actors.queries';
