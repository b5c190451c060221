import type { IsoDate } from '@jalons/domain';
import { Injectable } from '@angular/core';

import { API_BASE } from './roadmaps.service';

export type ReportPaper = 'a4' | 'a3';
export type ReportLang = 'fr' | 'en';
export type ReportFormat = 'pdf' | 'html';

/** What the council report is asked for (GET /api/roadmaps/:id/report, docs/report.md). */
export interface ReportOptions {
  at: IsoDate;
  paper: ReportPaper;
  lang: ReportLang;
  /** a baseline of the roadmap; null: the API's default (the latest) */
  baseline: string | null;
  /** « achieved since »; null: the API's default (the last meeting on or before `at`, else 30 days before) */
  since: IsoDate | null;
}

/**
 * The council report's addresses. The browser fetches them itself (a download link, a new tab), with
 * the session's cookie: no HttpClient call, so the PDF never passes through the page's memory.
 */
@Injectable({ providedIn: 'root' })
export class ReportService {
  /** `/api/roadmaps/:id/report?at=…&format=…&paper=…&lang=…[&baseline=…][&since=…]` */
  url(roadmapId: string, format: ReportFormat, options: ReportOptions): string {
    const params = new URLSearchParams({ at: options.at, format, paper: options.paper, lang: options.lang });
    if (options.baseline) params.set('baseline', options.baseline);
    if (options.since) params.set('since', options.since);
    return `${API_BASE}/roadmaps/${encodeURIComponent(roadmapId)}/report?${params.toString()}`;
  }

  /** The name the API gives the PDF (`Content-Disposition`), offered to the browser's download too. */
  filename(slug: string, at: IsoDate): string {
    return `rapport-${slug}-${at}.pdf`;
  }
}
