import { Controller, HttpCode, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ImportQueryDto } from '@jalons/contract';
import type { ImportPlanView } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { uuid } from '../../infra/http/params';
import { Access, ActorId, Allow } from '../auth';
import { ImportFileInterceptor } from './import-file.interceptor';
import { ImportService } from './import.service';
import type { UploadedImport } from './import.service';

@ApiTags('roadmaps')
@Controller('roadmaps')
@Allow(Access.lead)
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post(':id/import')
  @HttpCode(200)
  @UseInterceptors(ImportFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary:
      'Importer un export XLSX ou CSV modifié : dryRun=true donne le plan (modifications, créations, refus, conflits), sinon l’applique, tout ou rien',
  })
  run(
    @Param('id', uuid('id')) id: string,
    @Query() q: ImportQueryDto,
    @UploadedFile() file: UploadedImport | undefined,
    @ActorId() actor: string | null,
  ): Promise<ImportPlanView> {
    if (!file) {
      throw ApiException.validation([
        { field: 'file', message: 'Joignez le fichier à importer (XLSX ou CSV exporté par Jalons), champ « file ».' },
      ]);
    }
    return this.imports.run(id, file, q.dryRun ?? false, actor);
  }
}
