import { Module } from '@nestjs/common';

import { SiteQueries } from './site.queries';

/**
 * The site's own files outside `/api` — `/robots.txt`, `/sitemap.xml` — and the widget page's framing
 * policy. They are Express handlers registered by bootstrap.ts before the web app's fallback (they
 * answer text and XML, not the API's JSON, and exist with or without the web app built).
 */
@Module({
  providers: [SiteQueries],
  exports: [SiteQueries],
})
export class SiteModule {}
