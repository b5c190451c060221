// What other features may use of open data: its module (the routes under /api/public/roadmaps/:slug/open-data).
export { OpenDataModule } from './open-data.module';
