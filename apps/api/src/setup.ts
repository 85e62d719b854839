import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import {
  type AppConfig,
  AppErrorFilter,
  createValidationPipe,
  toAppError,
  writeError,
} from '@lumbung/platform';
import { servePortal } from './portal/portal';

export const API_PREFIX = 'api/v1';

export function buildOpenApi(app: NestExpressApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('Lumbung API')
    .setDescription(
      'Lumbung pengetahuan: knowledge repository and tacit-knowledge capture portal for the ASN of ' +
        'the Jakarta provincial government. Errors always have the shape { code, message, details? }.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, doc);
}

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
  app.useBodyParser('json', { limit: config.http.bodyLimitBytes });
  app.useBodyParser('urlencoded', { limit: config.http.bodyLimitBytes, extended: false });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AppErrorFilter());
  // Body-parser failures happen before Nest routing; give them the same error shape.
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    writeError(req, res, toAppError(err));
  });
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), {
    jsonDocumentUrl: 'api/docs-json',
  });
  app.enableShutdownHooks();
}
