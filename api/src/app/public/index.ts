export { PublicModule } from './public.module';
export { PublicQueries } from './public.queries';
