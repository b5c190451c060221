import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { isIsoDate } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';
import { REPORT_FORMATS, REPORT_LANGS, REPORT_PAPERS } from '@jalons/contract';
import type { ReportFormat, ReportLang, ReportPaper } from '@jalons/contract';

import type { ReportService } from './report.service';

/*
 * `npm run report -- --roadmap brest-2026-2032 --at 2026-12-31 --out rapport.pdf [--format html] [--paper a3] [--lang en]`:
 * the options checked here (so that the CLI stays a few lines and the rules are tested), the file written by the service.
 */

export interface ReportCliValues {
  roadmap?: string;
  at?: string;
  out?: string;
  format?: string;
  paper?: string;
  lang?: string;
  baseline?: string;
  since?: string;
}

export interface ReportCliOptions {
  roadmap: string;
  out: string;
  at?: IsoDate;
  format: ReportFormat;
  paper: ReportPaper;
  lang: ReportLang;
  baseline?: string;
  since?: IsoDate;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(list: readonly T[], v: string | undefined, fallback: T): T | null =>
  v === undefined ? fallback : (list as readonly string[]).includes(v) ? (v as T) : null;

/** The command's options, or what is wrong with them (each problem on a line). */
export function reportCliOptions(values: ReportCliValues): { options: ReportCliOptions } | { problems: string[] } {
  const problems: string[] = [];
  if (!values.roadmap?.trim()) problems.push('--roadmap SLUG-OR-ID is required (e.g. brest-2026-2032)');
  if (!values.out?.trim()) problems.push('--out FILE is required (e.g. rapport.pdf)');
  if (values.at !== undefined && !isIsoDate(values.at)) problems.push(`--at must be a calendar day YYYY-MM-DD (got "${values.at}")`);
  if (values.since !== undefined && !isIsoDate(values.since))
    problems.push(`--since must be a calendar day YYYY-MM-DD (got "${values.since}")`);
  if (values.at && values.since && isIsoDate(values.at) && isIsoDate(values.since) && values.since > values.at) {
    problems.push(`--since must not be after --at (${values.since} > ${values.at})`);
  }
  if (values.baseline !== undefined && !UUID.test(values.baseline)) problems.push('--baseline must be a baseline id (UUID)');
  const format = oneOf(REPORT_FORMATS, values.format, 'pdf');
  const paper = oneOf(REPORT_PAPERS, values.paper, 'a4');
  const lang = oneOf(REPORT_LANGS, values.lang, 'fr');
  if (!format) problems.push('--format must be pdf or html');
  if (!paper) problems.push('--paper must be a4 (A4 portrait) or a3 (A3 landscape)');
  if (!lang) problems.push('--lang must be fr or en');
  if (problems.length || !format || !paper || !lang) return { problems };
  return {
    options: {
      roadmap: values.roadmap!.trim(),
      out: values.out!.trim(),
      at: values.at,
      format,
      paper,
      lang,
      baseline: values.baseline,
      since: values.since,
    },
  };
}

/** Renders the report of the roadmap named by slug or id and writes it; an unknown roadmap is an error naming the known ones. */
export async function writeReportFile(
  service: ReportService,
  options: ReportCliOptions,
): Promise<{ path: string; bytes: number; filename: string }> {
  const roadmapId = await service.roadmapIdOf(options.roadmap);
  const file = await service.render(roadmapId, {
    at: options.at,
    format: options.format,
    paper: options.paper,
    lang: options.lang,
    baselineId: options.baseline,
    since: options.since,
  });
  const path = resolve(options.out);
  await writeFile(path, file.body);
  return { path, bytes: file.body.length, filename: file.filename };
}
