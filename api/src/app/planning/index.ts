// Planning is used by nobody else: its module only (the routes are the lead's).
export { PlanningModule } from './planning.module';
