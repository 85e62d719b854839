import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { Request } from 'express';
import { CommonErrors } from './app-error';

const JSON_ONLY = ['application/json'];

/** A request carries a body when it says so (a length above 0, or chunked). */
function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? 0);
  return Number.isNaN(length) || length > 0;
}

/**
 * Global guard: a request body must be of a type its route consumes, as the route declares it
 * for OpenAPI (`@ApiConsumes`, e.g. `multipart/form-data` on upload routes); every other route
 * takes `application/json` only. Anything else is 415 `UNSUPPORTED_MEDIA_TYPE` listing the
 * accepted types, so a form post never reaches a handler.
 */
@Injectable()
export class ContentTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const declared = this.reflector.getAllAndOverride<string[] | undefined>(
      DECORATORS.API_CONSUMES,
      [context.getHandler(), context.getClass()],
    );
    // Without a body there is nothing to parse; the handler says what is missing.
    if (!hasBody(req) || req.is(declared ?? JSON_ONLY)) return true;
    throw CommonErrors.unsupportedMediaType(declared ?? JSON_ONLY);
  }
}
