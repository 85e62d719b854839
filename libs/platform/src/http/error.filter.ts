import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '../database/database-errors';
import { AppError, CommonErrors } from './app-error';
import { preferredLanguage } from './language';
import { CommonErrorCode } from '../error-codes';

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

/** Maps a framework HttpException (unknown route, throttler, body parser…) to our codes. */
function fromHttpException(error: HttpException): AppError {
  const status = error.getStatus();
  switch (status) {
    case 400:
      return CommonErrors.validation(undefined);
    case 401:
      return CommonErrors.unauthenticated();
    case 403:
      return CommonErrors.forbidden();
    case 404:
      return CommonErrors.notFound();
    case 405:
      return CommonErrors.methodNotAllowed();
    case 413:
      return CommonErrors.payloadTooLarge();
    case 415:
      return CommonErrors.unsupportedMediaType();
    case 429:
      return CommonErrors.rateLimited();
    default:
      return status >= 500
        ? CommonErrors.internal()
        : new AppError(CommonErrorCode.REQUEST_FAILED, status, {
            id: 'Permintaan gagal.',
            en: 'Request failed.',
          });
  }
}

/** Errors raised by Express body parsers before Nest routing carry `type`/`status`. */
function fromBodyParser(error: unknown): AppError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large') return CommonErrors.payloadTooLarge();
  if (type === 'entity.parse.failed') return CommonErrors.malformedBody();
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return CommonErrors.unsupportedMediaType();
  }
  if (type === 'request.aborted' || type === 'request.size.invalid') {
    return CommonErrors.validation(undefined);
  }
  return undefined;
}

/** The disk (or quota) holding files is full. */
export function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** Turns any error into an AppError; anything unexpected becomes a generic 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const parsed = fromBodyParser(error);
  if (parsed) return parsed;
  if (error instanceof HttpException) return fromHttpException(error);
  // A unique constraint lost a race that the service's own check could not see.
  const driverCode = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  if (driverCode === '23505') {
    return CommonErrors.conflict(CommonErrorCode.CONFLICT, {
      id: 'Data yang sama sudah ada.',
      en: 'The same data already exists.',
    });
  }
  if (isDatabaseUnavailable(error)) return CommonErrors.databaseUnavailable();
  if (isStorageFull(error)) return CommonErrors.storageFull();
  return CommonErrors.internal();
}

interface RouteLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): boolean;
}

/** Methods the app's routes answer for this path (from Express' own router, so always current). */
function allowedMethods(req: Request): string[] {
  const router = (req.app as unknown as { router?: { stack: RouteLayer[] } }).router;
  const methods = new Set<string>();
  for (const layer of router?.stack ?? []) {
    const ms = layer.route ? Object.keys(layer.route.methods) : [];
    // Single-method layers are controller routes; all-method mounts are middleware.
    if (ms.length === 1 && layer.match(req.path)) methods.add(ms[0].toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** The one error shape for every response: `{ code, message, details? }`. */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    let error = toAppError(exception);
    // No route for this method, but one for another: 405 with Allow, not a 404.
    if (exception instanceof NotFoundException && !(exception instanceof AppError)) {
      const allowed = allowedMethods(req);
      if (allowed.length > 0) {
        res.setHeader('Allow', allowed.join(', '));
        error = CommonErrors.methodNotAllowed();
      }
    }
    if (error.code === CommonErrorCode.DATABASE_UNAVAILABLE) {
      this.logger.warn({ path: req.path, reason: String(exception) }, 'database unavailable');
    } else if (exception instanceof AppError && (error.status === 503 || error.status === 507)) {
      // A refusal the code chose (uploads busy, storage full): no stack, not an error.
      this.logger.warn({ path: req.path, code: error.code }, 'refused');
    } else if (error.status >= 500) {
      this.logger.error({ err: exception, path: req.path }, 'unhandled error');
    }
    writeError(req, res, error);
  }
}

export function writeError(req: Request, res: Response, error: AppError): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const lang = preferredLanguage(req.headers['accept-language']);
  const body: ErrorBody = { code: error.code, message: error.text[lang] };
  if (error.details !== undefined) body.details = error.details;
  const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if ([409, 429, 503].includes(error.status) && retry !== undefined) {
    res.setHeader('Retry-After', String(retry));
  }
  res.status(error.status).json(body);
}
