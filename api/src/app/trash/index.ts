// What other features may use of the Corbeille: its module and the service a deletion and a restore call.
export { TrashModule } from './trash.module';
export { TrashService } from './trash.service';
