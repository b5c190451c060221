import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import {
  DeadlockException,
  ForeignKeyConstraintViolationException,
  LockWaitTimeoutException,
  NotFoundError,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { ApiError } from '@jalons/contract';
import type { Request, Response } from 'express';

import { ApiException } from './errors';
import { isDatabaseUnavailable, OUTAGE_RETRY_AFTER_SECONDS } from '../database/outage';

const REASONS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  410: 'gone',
  415: 'unsupported_media_type',
  422: 'rule_broken',
  429: 'too_many_requests',
};

const FRENCH: Record<number, string> = {
  400: 'Le corps de la requête n’est pas du JSON valide.',
  404: 'Cette adresse ne correspond à aucune ressource.',
  413: 'Le corps de la requête est trop volumineux.',
  415: 'Le corps de la requête doit être du JSON.',
};

const BAD_PATH = 'L’adresse de la requête est mal encodée : un « % » doit y introduire un caractère encodé en UTF-8 (%C3%A9 pour « é »).';

/** Every error leaves the API in one shape (ApiError), without stack traces. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception);
    body.requestId = req.id;
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE && body.error === 'database_unavailable') {
      this.logger.warn(`${req.method} ${req.originalUrl} [${req.id}] database unavailable: ${(exception as Error)?.message ?? exception}`);
    } else if (body.statusCode >= 500) {
      this.logger.error(`${req.method} ${req.originalUrl} [${req.id}] ${(exception as Error)?.stack ?? exception}`);
    }
    if (body.retryAfterSeconds) res.setHeader('Retry-After', String(body.retryAfterSeconds));
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiError {
    if (exception instanceof ApiException) return { ...(exception.getResponse() as ApiError) };
    if (exception instanceof HttpException) {
      // Nest's own errors: unknown route, malformed JSON, body too large…
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const raw = typeof payload === 'string' ? payload : ((payload as { message?: string }).message ?? exception.message);
      // the router's « Failed to decode param » is about the address, not the body
      const message = status === 400 && String(raw).startsWith('Failed to decode param') ? BAD_PATH : (FRENCH[status] ?? raw);
      return { statusCode: status, error: REASONS[status] ?? 'error', message: String(message) };
    }
    const httpLike = exception as { status?: number; statusCode?: number; type?: string };
    const status = httpLike?.statusCode ?? httpLike?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // errors raised by body-parser before Nest sees the request
      return { statusCode: status, error: REASONS[status] ?? 'bad_request', message: FRENCH[status] ?? 'La requête est mal formée.' };
    }
    // a lost or refused database connection (ADR 0031): try again shortly, never a 500
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'database_unavailable',
        message: 'La base de données est momentanément injoignable. Réessayez dans quelques secondes.',
        retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
      };
    }
    if (exception instanceof NotFoundError) {
      return { statusCode: HttpStatus.NOT_FOUND, error: 'not_found', message: 'Élément introuvable.' };
    }
    if (exception instanceof OptimisticLockError) {
      return {
        statusCode: HttpStatus.CONFLICT,
        error: 'version_conflict',
        message: 'Cet élément a été modifié entre-temps. Rechargez-le puis refaites votre modification.',
      };
    }
    if (exception instanceof DeadlockException || exception instanceof LockWaitTimeoutException) {
      return {
        statusCode: HttpStatus.CONFLICT,
        error: 'conflict',
        message: 'Une autre modification était en cours sur les mêmes éléments. Recommencez.',
      };
    }
    if (exception instanceof ForeignKeyConstraintViolationException) {
      return {
        statusCode: HttpStatus.CONFLICT,
        error: 'conflict',
        message: 'Un élément lié a été supprimé ou modifié entre-temps. Rechargez puis recommencez.',
      };
    }
    if (exception instanceof UniqueConstraintViolationException) {
      return { statusCode: HttpStatus.CONFLICT, error: 'conflict', message: 'Cet élément existe déjà.' };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'internal_error',
      message: 'Erreur interne. L’incident est journalisé avec son identifiant de requête.',
    };
  }
}
