import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppConfig } from '@lumbung/platform';

/**
 * The portal's Content-Security-Policy: scripts and styles from this origin only, no inline code
 * of either kind. Mantine's theme variables and global classes are compiled into a static CSS file
 * at build time (apps/web/build/mantine-static-css.ts), so no `<style>` element is ever injected.
 * API responses and Swagger UI keep helmet's policy (setup.ts).
 */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Vite puts every hashed (content-addressed) file under assets/: safe to cache for a year. */
const HASHED_DIR = `${sep}assets${sep}`;

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Serves the built portal (apps/web/dist) on the API's origin: files as they are, every client
 * route (a GET without a file extension outside /api) as index.html, so deep links work. Unknown
 * /api paths and missing files fall through to Nest's JSON 404. Does nothing (and says so) when
 * the portal has not been built.
 */
export function servePortal(app: NestExpressApplication, config: AppConfig): void {
  const dist = config.web.distDir;
  const indexFile = join(dist, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('Portal').warn(`portal not built (${indexFile} is missing): run npm run build`);
    return;
  }
  const indexHtml = readFileSync(indexFile);
  const files = express.static(dist, {
    index: false,
    redirect: false,
    setHeaders: (res, path) => {
      if (path.includes(HASHED_DIR)) {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      } else {
        res.setHeader('Cache-Control', 'no-cache');
        if (path.endsWith('.html')) res.setHeader('Content-Security-Policy', PORTAL_CSP);
      }
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApiPath(req.path) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    files(req, res, () => {
      // A path with a file extension that is not there is a 404, not the app shell.
      if (/\.[A-Za-z0-9]+$/.test(req.path)) return next();
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('Content-Security-Policy', PORTAL_CSP);
      res.status(200).end(req.method === 'HEAD' ? undefined : indexHtml);
    });
  });
}
