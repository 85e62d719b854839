import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { prettyStream } from './pretty-stream';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Paths of values that must never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.accessToken',
  '*.refreshToken',
  '*.passwordHash',
  '*.apiKey',
  '*.jwtSecret',
];

/** Takes a well-formed X-Request-Id from the caller or mints one, and echoes it back. */
export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** Structured JSON logs (pino), one line per request, secrets redacted; or pretty lines. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
          pinoHttp: [
            {
              level: config.log.level,
              genReqId: requestIdFor,
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              // 503 and 507 are deliberate refusals (database away, uploads busy, disk full) that
              // tell the client to retry: warnings, so errors stay for what went wrong.
              customLogLevel: (_req, res, err) =>
                res.statusCode === 503 || res.statusCode === 507
                  ? 'warn'
                  : err || res.statusCode >= 500
                    ? 'error'
                    : res.statusCode >= 400
                      ? 'warn'
                      : 'info',
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            },
            // JSON for machines (production); a readable line when a person watches `npm start`.
            config.log.format === 'pretty' ? prettyStream() : process.stdout,
          ],
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
