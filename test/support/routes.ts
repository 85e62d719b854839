import type { INestApplication } from '@nestjs/common';
import type { Response } from 'superagent';

export interface RegisteredRoute {
  method: string;
  /** Express path, e.g. /api/v1/users/:id */
  path: string;
}

/**
 * Every API route Nest registered, read from the live Express router. Controller routes carry
 * one method each; middleware mounts (all methods) are not routes.
 */
export function registeredRoutes(app: INestApplication): RegisteredRoute[] {
  const router = app.getHttpAdapter().getInstance().router as {
    stack: { route?: { path: string; methods: Record<string, boolean> } }[];
  };
  return router.stack.flatMap((layer) => {
    const route = layer.route;
    if (!route || !route.path.startsWith('/api/v1')) return [];
    const methods = Object.keys(route.methods);
    return methods.length === 1 ? [{ method: methods[0].toUpperCase(), path: route.path }] : [];
  });
}

/** Reads any response body as text (JSON, CSV, XLSX bytes as latin1): what canary sweeps scan. */
export function bodyAsText(res: Response, done: (err: Error | null, body: string) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  stream.on('end', () => done(null, text));
}
