export { SiteModule } from './site.module';
export { SiteQueries } from './site.queries';
export { siteFiles, widgetFraming } from './site';
export { PagePreloads } from './page-preloads';
