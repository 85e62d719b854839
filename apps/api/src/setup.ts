import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { Reflector } from '@nestjs/core';
import {
  type AppConfig,
  AppErrorFilter,
  ContentTypeGuard,
  createValidationPipe,
  PathParamPipe,
  rejectHostileInput,
  toAppError,
  writeError,
} from '@lumbung/platform';
import { buildOpenApi } from './openapi';
import { servePortal } from './portal/portal';

export const API_PREFIX = 'api/v1';

/** Everything global about the HTTP app, shared by main.ts and the tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  if (config.http.trustProxyHops > 0) app.set('trust proxy', config.http.trustProxyHops);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'object-src': ["'none'"],
          'base-uri': ["'none'"],
          'frame-ancestors': ["'none'"],
          // Intranet deployments may be plain HTTP; do not force-upgrade sub-resources.
          'upgrade-insecure-requests': null,
        },
      },
      strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  // The portal (static files and client routes) on the same origin, with its own strict CSP.
  servePortal(app, config);
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({ origin: [...config.http.corsOrigins], credentials: true });
  }
  // JSON is the only body format parsed here; uploads (multipart) are parsed by their routes, and
  // ContentTypeGuard answers 415 to any other type.
  app.useBodyParser('json', { limit: config.http.bodyLimitBytes });
  app.use(rejectHostileInput);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalGuards(new ContentTypeGuard(app.get(Reflector)));
  app.useGlobalPipes(new PathParamPipe(), createValidationPipe());
  app.useGlobalFilters(new AppErrorFilter());
  // Body-parser and input-guard failures happen before Nest routing; same error shape.
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    writeError(req, res, toAppError(err));
  });
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), {
    jsonDocumentUrl: 'api/docs-json',
  });
  app.enableShutdownHooks();
}
