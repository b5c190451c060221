import { Injectable } from '@nestjs/common';
import type { ReportData, ReportFormat, ReportPaper } from '@jalons/contract';

import { RoadmapReader } from '../roadmaps';
import { ReportDataReader } from './report-data';
import type { ReportOptions } from './report-data';
import { reportHtml } from './report-html';
import { reportPdf } from './report-pdf';

export interface ReportRenderOptions extends ReportOptions {
  format?: ReportFormat;
  paper?: ReportPaper;
}

export interface ReportFile {
  contentType: string;
  filename: string;
  body: Buffer;
}

/** The council report (ADR 0021): its data, and the data drawn as a PDF or a web page. */
@Injectable()
export class ReportService {
  constructor(
    private readonly reader: ReportDataReader,
    private readonly roadmaps: RoadmapReader,
  ) {}

  /** The id of the roadmap named by its slug or its id (the CLI's `--roadmap`); an error naming the known slugs otherwise. */
  async roadmapIdOf(slugOrId: string): Promise<string> {
    const all = await this.roadmaps.list();
    const found = all.find((r) => r.slug === slugOrId || r.id === slugOrId.toLowerCase());
    if (!found) throw new Error(`Unknown roadmap "${slugOrId}" (known: ${all.map((r) => r.slug).join(', ') || 'none'}).`);
    return found.id;
  }

  data(roadmapId: string, options: ReportOptions = {}): Promise<ReportData> {
    return this.reader.read(roadmapId, options);
  }

  async render(roadmapId: string, options: ReportRenderOptions = {}): Promise<ReportFile> {
    const data = await this.data(roadmapId, options);
    const base = `rapport-${data.roadmap.slug}-${data.at}`;
    if (options.format === 'html') {
      return { contentType: 'text/html; charset=utf-8', filename: `${base}.html`, body: Buffer.from(reportHtml(data), 'utf8') };
    }
    return { contentType: 'application/pdf', filename: `${base}.pdf`, body: await reportPdf(data, options.paper ?? 'a4') };
  }
}
