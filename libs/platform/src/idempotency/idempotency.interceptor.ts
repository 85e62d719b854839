import { createHash } from 'node:crypto';
import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { IdempotencyErrors } from './idempotency.errors';
import { IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * What makes two requests "the same": method, path with query and body. A JSON body is hashed as parsed; a
 * multipart body parsed before this runs (a single `file`) by its bytes; one streamed later by the
 * service (attachment uploads) by its declared length, since its bytes are not read yet.
 */
export function requestFingerprint(req: Request): string {
  const hash = createHash('sha256').update(`${req.method} ${req.originalUrl}\n`);
  const file = (req as Request & { file?: { buffer?: Buffer } }).file;
  if (file?.buffer) hash.update('file\n').update(file.buffer);
  else if (req.is('multipart/form-data')) hash.update(`multipart ${req.headers['content-length']}`);
  else hash.update(JSON.stringify(req.body ?? null));
  return hash.digest('hex');
}

/**
 * Makes a creating route safe to retry: with an `Idempotency-Key` header, the first request runs
 * and its answer is stored; the same key with the same request returns that answer (header
 * `Idempotent-Replayed: true`) without running again. Without the header nothing changes.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { principal?: { userId?: string } }>();
    const key = req.header(IDEMPOTENCY_HEADER);
    const userId = req.principal?.userId;
    if (key === undefined || !userId) return next.handle();
    if (!IdempotencyStore.isValidKey(key)) throw IdempotencyErrors.invalidKey();
    const res = context.switchToHttp().getResponse<Response>();
    return from(this.handle(req, res, { userId, route: `${req.method} ${req.path}`, key }, next));
  }

  private async handle(
    req: Request,
    res: Response,
    scope: { userId: string; route: string; key: string },
    next: CallHandler,
  ): Promise<unknown> {
    const begun = await this.store.begin(scope, requestFingerprint(req));
    if (begun.kind === 'replay') {
      res.setHeader('Idempotent-Replayed', 'true');
      return begun.response;
    }
    let body: unknown;
    try {
      body = await this.store.run(begun.attempt, () => lastValueFrom(next.handle()));
    } catch (error) {
      await this.store.abandon(begun.attempt).catch(() => undefined);
      throw error;
    }
    await this.store.complete(begun.attempt, body);
    return body;
  }
}

/** Accepts `Idempotency-Key` on a creating route (and documents it). */
export const Idempotent = (): MethodDecorator =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description:
        'Any 1–255 visible ASCII characters, new per operation: a retry with the same key and request returns the first answer instead of writing again (kept IDEMPOTENCY_TTL_MS)',
    }),
  );
