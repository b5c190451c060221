import { BadRequestException, Injectable, PayloadTooLargeException } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { IMPORT_MAX_BYTES } from '@jalons/contract';
import type { Observable } from 'rxjs';

import { ApiException } from '../../infra/http/errors';

const OPTIONS = {
  limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6 },
  // browsers send a file's name in UTF-8 (multer reads it as latin1 otherwise: « Ã© » for « é »)
  defParamCharset: 'utf8',
} as MulterOptions;

const MEGABYTES = IMPORT_MAX_BYTES / 1024 / 1024;

/**
 * The uploaded file (multipart field `file`) read into memory by multer, with the API's errors:
 * 413 over the size limit, 400 for another field or several files — in French, with what to do.
 * Runs after the access guard: a caller who may not import is refused before the upload is read.
 */
@Injectable()
export class ImportFileInterceptor implements NestInterceptor {
  private readonly multer = new (FileInterceptor('file', OPTIONS))();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (e) {
      if (e instanceof PayloadTooLargeException) {
        throw new ApiException({
          statusCode: 413,
          error: 'payload_too_large',
          message: `Le fichier dépasse ${MEGABYTES} Mo : importez les feuilles « Actions » et « Jalons » seules, ou en plusieurs fichiers.`,
        });
      }
      if (e instanceof BadRequestException) {
        throw ApiException.validation([{ field: 'file', message: 'Envoyez un seul fichier, dans le champ « file » du formulaire.' }]);
      }
      throw e;
    }
  }
}
