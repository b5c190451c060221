import type { Response } from 'express';

import { staticCacheControl } from './static-cache';

const cacheOf = (path: string): string => {
  const headers = new Map<string, string>();
  staticCacheControl({ setHeader: (name: string, value: string) => headers.set(name, value) } as unknown as Response, path);
  return headers.get('Cache-Control') ?? '';
};

describe('staticCacheControl', () => {
  it('keeps the files whose name carries their hash a year, immutable — the chunks of Angular 21’s build too', () => {
    for (const path of [
      '/web/main-HVTFXBEX.js',
      '/web/styles-FAYQVQWN.css',
      '/web/chunk-24GO6YZQ.js',
      '/web/chunk-BKLba58_.js',
      '/web/chunk-BwjQiww-.js',
      '/web/chunk-Di-SH3vd.js',
      '/web/chunk-cM3VKBiG.js',
      '/web/media/marianne-AB12CD34.woff2',
      '/web/app.3f2a9c1b.js',
    ]) {
      expect([path, cacheOf(path)]).toEqual([path, 'public, max-age=31536000, immutable']);
    }
  });

  it('revalidates the page and keeps the other files an hour, a name that only looks hashed too', () => {
    expect(cacheOf('/web/index.html')).toBe('no-cache');
    for (const path of [
      '/web/favicon.ico',
      '/web/route-hints.json',
      '/web/my-longname.js',
      '/web/chunk-short.js',
      '/web/chunk-tooLong123.js',
    ]) {
      expect([path, cacheOf(path)]).toEqual([path, 'public, max-age=3600']);
    }
  });
});
