import { RequestMethod, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  DocumentBuilder,
  getSchemaPath,
  type OpenAPIObject,
  type OperationObject,
  type ResponseObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { THROTTLER_SKIP } from '@nestjs/throttler/dist/throttler.constants';
import { type RouteAccess, routeAccess } from '@lumbung/identity';
import { ErrorResponseDto, FieldProblemDto } from '@lumbung/platform';

/**
 * The OpenAPI document served at /api/docs-json. Controllers describe their inputs, success
 * responses and route-specific errors (`@ApiErrors`); what follows from how every route is
 * guarded is added here, from the same metadata the guards read, so it cannot drift: security
 * (none, optional or bearer), 401, 403, 404 on path parameters, 400 on input, 413/415 on bodies
 * 429 and 503. test/support/openapi-validator.ts checks every e2e response against the result.
 */
export function buildOpenApi(app: NestExpressApplication): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle('Lumbung API')
    .setDescription(
      'Lumbung pengetahuan: knowledge repository and tacit-knowledge capture portal for the ASN of ' +
        'the Jakarta provincial government. Errors always have the shape { code, message, details? }.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const doc = SwaggerModule.createDocument(app, info, {
    extraModels: [ErrorResponseDto, FieldProblemDto],
    operationIdFactory: operationId,
  });
  const routes = routeHandlers(app);
  for (const path of Object.values(doc.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = path[method];
      if (!op) continue;
      const route = routes.get(op.operationId ?? '');
      if (!route) throw new Error(`OpenAPI: no handler for operation ${op.operationId}`);
      describeRoute(op, route);
    }
  }
  return doc;
}

interface Route {
  access: RouteAccess;
  throttled: boolean;
  /** The status the route answers on success (@HttpCode, else 201 for POST and 200). */
  success: number;
}

function operationId(controller: string, method: string): string {
  return `${controller}_${method}`;
}

/** Every controller method that is a route, by the operation id the document gives it. */
function routeHandlers(app: NestExpressApplication): Map<string, Route> {
  const scanner = new MetadataScanner();
  const routes = new Map<string, Route>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type;
      const prototype = controller.prototype as Record<string, object>;
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        const skip = (key: string): boolean =>
          Reflect.getMetadata(key, handler) === true ||
          Reflect.getMetadata(key, controller) === true;
        routes.set(operationId(controller.name, method), {
          access: routeAccess(controller, method),
          throttled: !skip(`${THROTTLER_SKIP}default`),
          success:
            (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
            (verb === RequestMethod.POST ? 201 : 200),
        });
      }
    }
  }
  return routes;
}

function describeRoute(op: OperationObject, route: Route): void {
  // Swagger only adds the @HttpCode response when a route declares no response of its own.
  const declared = op.responses[route.success] as ResponseObject | undefined;
  if (!declared && route.success !== 204) {
    throw new Error(`OpenAPI: ${op.operationId} answers ${route.success} but does not declare it`);
  }
  op.responses[route.success] = declared ?? { description: 'Done; no body' };
  const { isPublic, readsCaller } = route.access;
  op.security = !isPublic ? [{ bearer: [] }] : readsCaller ? [{}, { bearer: [] }] : [];
  for (const [status, text] of Object.entries(derivedErrors(op, route))) {
    const own = op.responses[status] as ResponseObject | undefined;
    // A route that answers 503 with its own body (health) keeps it; one that declares its own 503
    // codes (uploads) gets the derived ones beside them.
    if (status === '503' && own?.content && !isErrorResponse(own)) continue;
    op.responses[status] = errorResponse(own?.description ? `${text}. ${own.description}` : text);
  }
  for (const status of ['409', '429', '503']) {
    const limited = op.responses[status] as ResponseObject | undefined;
    if (!limited || (status === '409' && !limited.description.includes('IDEMPOTENCY_'))) continue;
    limited.headers = {
      'Retry-After': {
        description: 'Seconds until a retry may succeed',
        schema: { type: 'integer' },
      },
    };
  }
}

/** The errors a route can answer because of how it is guarded and what it takes. */
function derivedErrors(op: OperationObject, { access, throttled }: Route): Record<number, string> {
  const params = (op.parameters ?? []) as { in?: string }[];
  const errors: Record<number, string> = {
    401: access.isPublic
      ? 'UNAUTHENTICATED: an invalid or expired bearer token was sent (none is needed)'
      : 'UNAUTHENTICATED: no valid bearer token',
  };
  // Every request passes the edge check (query string, path and any JSON body sent, even to a
  // route that takes none), so any route can refuse input.
  errors[400] =
    'VALIDATION_FAILED: details lists each field (or parameter) and its problems; ' +
    'NESTING_TOO_DEEP: JSON nested too deeply; MALFORMED_BODY: a body that is not valid JSON';
  if (access.permission) {
    errors[403] = `FORBIDDEN: the caller's roles do not give \`${access.permission}\``;
  }
  if (params.some((p) => p.in === 'path')) {
    errors[404] = 'NOT_FOUND: missing, or not visible to the caller (both answer the same)';
  }
  // The body parsers and the content-type check run on every route, with or without a body.
  errors[413] = 'PAYLOAD_TOO_LARGE: the body is over the size limit';
  errors[415] = 'UNSUPPORTED_MEDIA_TYPE: a content type or charset the route does not take';
  if (throttled) errors[429] = 'RATE_LIMITED: too many requests; retry after Retry-After seconds';
  if (
    params.some((p) => p.in === 'header' && (p as { name?: string }).name === 'Idempotency-Key')
  ) {
    errors[409] =
      'IDEMPOTENCY_IN_PROGRESS: a request with this Idempotency-Key is still running (retry after Retry-After seconds); ' +
      'IDEMPOTENCY_ALREADY_APPLIED: an earlier request with this key was carried out but its answer was lost';
    errors[422] = 'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key came with a different request';
  }
  // Any route may reach PostgreSQL (at least through authentication).
  errors[503] =
    'DATABASE_UNAVAILABLE: PostgreSQL is down, restarting or did not answer in time; retry after Retry-After seconds';
  return errors;
}

function isErrorResponse(response: ResponseObject): boolean {
  const schema = response.content?.['application/json']?.schema as { $ref?: string } | undefined;
  return schema?.$ref === getSchemaPath(ErrorResponseDto);
}

function errorResponse(description: string): ResponseObject {
  return {
    description,
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } },
  };
}
