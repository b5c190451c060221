// The import is used by nobody else: its module only.
export { ImportModule } from './import.module';
