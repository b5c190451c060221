import { Module } from '@nestjs/common';

import { AuthModule } from '../auth';
import { PagePreloads } from './page-preloads';
import { SiteQueries } from './site.queries';

/**
 * The site's own files outside `/api` — `/robots.txt`, `/sitemap.xml` — the widget page's framing
 * policy, and the first API reads a page's index announces (page-preloads.ts). They are Express
 * handlers registered by bootstrap.ts before the web app's fallback (they answer text and XML, not
 * the API's JSON, and exist with or without the web app built).
 */
@Module({
  imports: [AuthModule],
  providers: [SiteQueries, PagePreloads],
  exports: [SiteQueries, PagePreloads],
})
export class SiteModule {}
