import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@jalons/domain';
import type { ExportFormat } from '@jalons/contract';

import { ActionsReader } from '../actions';
import { MilestonesReader } from '../milestones';
import { RoadmapReader } from '../roadmaps';
import { actionsCsv } from './csv';
import type { ExportData } from './export-rows';
import { roadmapWorkbook } from './xlsx';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/** The roadmap as a spreadsheet (actions, milestones, summary) or as a CSV of its actions. */
@Injectable()
export class ExportService {
  constructor(
    private readonly roadmaps: RoadmapReader,
    private readonly actions: ActionsReader,
    private readonly milestones: MilestonesReader,
  ) {}

  async export(roadmapId: string, format: ExportFormat, at: IsoDate): Promise<ExportFile> {
    const data = await this.data(roadmapId, at);
    const base = `jalons-${data.roadmap.slug}-${at}`;
    if (format === 'csv') return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: actionsCsv(data) };
    return {
      filename: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await roadmapWorkbook(data),
    };
  }

  private async data(roadmapId: string, at: IsoDate): Promise<ExportData> {
    const roadmap = await this.roadmaps.roadmap(roadmapId, at);
    const [functions, actions, milestones] = await Promise.all([
      this.roadmaps.functions(roadmapId, at),
      this.actions.list(roadmapId, at),
      this.milestones.list(roadmapId, at),
    ]);
    return { at, roadmap, functions, actions, milestones };
  }
}
