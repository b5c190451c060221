import { Inject, Injectable } from '@nestjs/common';
import { todayInParis } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { ActionsReader } from '../actions';
import { GovernanceQueries } from '../governance';
import { IndicatorsReader } from '../indicators';
import { MilestonesReader } from '../milestones';
import { RoadmapQueries, RoadmapReader } from '../roadmaps';
import type { RoadmapRow } from '../roadmaps';
import type { OpenDataRow } from './csv';
import {
  actionRows,
  decisionItemRows,
  decisionRows,
  functionRows,
  indicatorRows,
  measurementRows,
  milestoneRows,
  phaseRows,
} from './open-data.rows';
import type { Codes } from './open-data.rows';
import { OPEN_DATA_RESOURCES, OPEN_DATA_SCHEMAS, OPEN_DATA_VERSION } from './schemas';
import type { OpenDataResource } from './schemas';

const LICENCE = {
  name: 'etalab-2.0',
  title: 'Licence Ouverte / Open Licence version 2.0',
  path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
};

/** Midnight in Paris of a day, as an RFC 3339 instant (the package's `created`: the day its computed columns are for). */
export function parisMidnight(day: IsoDate): string {
  for (const offset of ['+01:00', '+02:00']) {
    const instant = new Date(`${day}T00:00:00${offset}`);
    if (todayInParis(instant) === day && todayInParis(new Date(instant.getTime() - 1)) !== day) return `${day}T00:00:00${offset}`;
  }
  return `${day}T00:00:00+01:00`;
}

/**
 * A roadmap's open data (docs/open-data.md): each resource's rows, read in one go per resource
 * through the features' readers, and the Data Package that describes them with the committed
 * Table Schemas. Computed columns (health, lateness, milestone state) are for today in Paris.
 */
@Injectable()
export class OpenDataReader {
  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
    private readonly roadmapQueries: RoadmapQueries,
    private readonly roadmaps: RoadmapReader,
    private readonly actions: ActionsReader,
    private readonly milestones: MilestonesReader,
    private readonly indicators: IndicatorsReader,
    private readonly governance: GovernanceQueries,
  ) {}

  /** The rows of one resource, in their stable order. */
  async rows(roadmapId: string, resource: OpenDataResource): Promise<OpenDataRow[]> {
    const at = todayInParis();
    switch (resource) {
      case 'phases':
        return phaseRows((await this.roadmaps.roadmap(roadmapId, at)).phases);
      case 'functions':
        return functionRows(await this.roadmaps.functions(roadmapId, at));
      case 'actions': {
        const [actions, codes] = await Promise.all([this.actions.list(roadmapId, at), this.codes(roadmapId)]);
        return actionRows(actions, codes);
      }
      case 'milestones': {
        const [milestones, codes] = await Promise.all([this.milestones.list(roadmapId, at), this.codes(roadmapId)]);
        return milestoneRows(milestones, codes);
      }
      case 'indicators': {
        const [indicators, codes] = await Promise.all([this.indicators.list(roadmapId, at), this.codes(roadmapId)]);
        return indicatorRows(indicators, codes);
      }
      case 'measurements':
        return measurementRows(await this.indicators.list(roadmapId, at));
      case 'decisions':
        return decisionRows(await this.governance.decisions(roadmapId));
      case 'decision_items':
        return decisionItemRows(await this.governance.decisions(roadmapId));
    }
  }

  /** The Data Package (datapackage.json) of an open roadmap: its metadata and every resource with its schema inline. */
  async datapackage(roadmapId: string): Promise<Record<string, unknown>> {
    const row = await this.roadmaps.row(roadmapId);
    const page = `${this.config.publicUrl}/public/${row.slug}`;
    return {
      profile: 'tabular-data-package',
      name: `jalons-${row.slug}`,
      title: `Feuille de route — ${row.territory}, ${row.mandate_label}`,
      description: description(row),
      homepage: page,
      version: OPEN_DATA_VERSION,
      created: parisMidnight(todayInParis()),
      licenses: [LICENCE],
      sources: [{ title: `Jalons — ${row.territory}`, path: page }],
      contributors: [{ title: row.territory, role: 'publisher' }],
      keywords: ['feuille de route', 'service public de la donnée', 'mandat municipal', 'actions', 'jalons', 'indicateurs', row.territory],
      resources: OPEN_DATA_RESOURCES.map((name) => ({
        name,
        path: `${name}.csv`,
        profile: 'tabular-data-resource',
        title: OPEN_DATA_SCHEMAS[name].title,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', header: true },
        schema: OPEN_DATA_SCHEMAS[name],
      })),
    };
  }

  private async codes(roadmapId: string): Promise<Codes> {
    const [phases, functions] = await Promise.all([this.roadmapQueries.phases(roadmapId), this.roadmapQueries.functions(roadmapId)]);
    return { phase: new Map(phases.map((p) => [p.id, p.code])), fn: new Map(functions.map((f) => [f.id, f.code])) };
  }
}

function description(row: RoadmapRow): string {
  return (
    `La feuille de route du service public local de la donnée de ${row.territory} (${row.mandate_label}), ` +
    `publiée par Jalons : phases du mandat, fonctions cibles, actions, jalons, indicateurs et leurs mesures, ` +
    `décisions de la gouvernance. Aucune donnée personnelle : le responsable d’un élément est sa fonction. ` +
    `Les colonnes calculées (santé, retard, état des jalons) valent pour le jour de « created ».`
  );
}
