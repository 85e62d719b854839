import type { Request, Response } from 'express';
import type { AppConfig } from '@lumbung/platform';

/**
 * The refresh token lives only in an HttpOnly, SameSite=Strict cookie, so page scripts never see
 * it and other sites cannot send it. Over HTTPS it carries the `__Host-` prefix (Secure, Path=/).
 */
export function refreshCookieName(config: AppConfig): string {
  return config.auth.secureCookies ? '__Host-lumbung_refresh' : 'lumbung_refresh';
}

export function setRefreshCookie(
  res: Response,
  config: AppConfig,
  token: string,
  expires: Date,
): void {
  res.cookie(refreshCookieName(config), token, {
    httpOnly: true,
    secure: config.auth.secureCookies,
    sameSite: 'strict',
    path: '/',
    expires,
  });
}

export function clearRefreshCookie(res: Response, config: AppConfig): void {
  res.clearCookie(refreshCookieName(config), {
    httpOnly: true,
    secure: config.auth.secureCookies,
    sameSite: 'strict',
    path: '/',
  });
}

/** Reads one cookie from the raw header (no cookie-parser needed for a single value). */
export function readRefreshCookie(req: Request, config: AppConfig): string | undefined {
  const name = refreshCookieName(config);
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
