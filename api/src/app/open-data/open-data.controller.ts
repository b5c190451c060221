import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ApiException } from '../../infra/http/errors';
import { Access, Allow } from '../auth';
import { PublicQueries } from '../public';
import { toCsv } from './csv';
import type { OpenDataRow } from './csv';
import { OpenDataReader } from './open-data.reader';
import { isOpenDataResource, OPEN_DATA_SCHEMAS } from './schemas';

const NOT_FOUND =
  'Aucune donnée ouverte à cette adresse : la page publique de cette feuille de route n’est pas ouverte, ou la ressource n’existe pas.';

/**
 * A roadmap's open data (docs/open-data.md, ADR 0024): a Frictionless Data Package whose resources
 * are CSV files (and the same rows as JSON), for a roadmap whose public page is open. The same 404
 * for a closed page, an absent roadmap and an unknown resource.
 */
@ApiTags('public')
@Controller('public/roadmaps/:slug/open-data')
@Allow(Access.public)
export class OpenDataController {
  constructor(
    private readonly publicPages: PublicQueries,
    private readonly reader: OpenDataReader,
  ) {}

  @Get('datapackage.json')
  @ApiOperation({ summary: 'Le Data Package (Frictionless) des données ouvertes d’une feuille de route, schémas compris' })
  async datapackage(@Param('slug') slug: string): Promise<Record<string, unknown>> {
    return this.reader.datapackage(await this.openId(slug));
  }

  @Get(':file')
  @ApiOperation({ summary: 'Une ressource des données ouvertes (phases, functions, actions…), en CSV (.csv) ou en JSON (.json)' })
  async resource(
    @Param('slug') slug: string,
    @Param('file') file: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | OpenDataRow[]> {
    const [, name, format] = /^([a-z_]+)\.(csv|json)$/.exec(String(file)) ?? [];
    if (!name || !isOpenDataResource(name)) throw notFound();
    const rows = await this.reader.rows(await this.openId(slug), name);
    if (format === 'json') return rows;
    res.type('text/csv; charset=utf-8');
    return toCsv(
      OPEN_DATA_SCHEMAS[name].fields.map((f) => f.name),
      rows,
    );
  }

  private async openId(slug: string): Promise<string> {
    const id = await this.publicPages.openId(String(slug).slice(0, 100));
    if (!id) throw notFound();
    return id;
  }
}

function notFound(): ApiException {
  return new ApiException({ statusCode: 404, error: 'not_found', message: NOT_FOUND });
}
