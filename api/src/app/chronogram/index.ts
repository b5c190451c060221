export { ChronogramModule } from './chronogram.module';
export { ChronogramReader } from './chronogram.reader';
