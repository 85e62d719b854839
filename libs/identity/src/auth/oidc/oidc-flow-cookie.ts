import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { AppConfig } from '@lumbung/platform';

/** What a sign-in at the provider must come back with, kept in the browser that started it. */
export interface OidcFlow {
  state: string;
  nonce: string;
  /** PKCE code verifier; never leaves this cookie and the token request. */
  verifier: string;
  /** A same-origin portal path to land on afterwards. */
  returnPath: string;
}

const FLOW_TTL_SECONDS = 600;
const COOKIE_PATH = '/api/v1/auth/oidc';

/**
 * The flow's state, nonce and PKCE verifier travel in one signed (HMAC-SHA256), HttpOnly,
 * short-lived cookie scoped to the OIDC routes, so any API process can finish a sign-in another
 * one started, and a callback only completes in the browser that began it (login CSRF). SameSite
 * is Lax because the provider sends the browser back by a cross-site top-level GET.
 */
export class OidcFlowCookie {
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    this.key = Buffer.from(
      hkdfSync('sha256', config.auth.jwtSecret, '', 'lumbung oidc flow cookie', 32),
    );
  }

  get name(): string {
    return this.config.auth.secureCookies ? '__Secure-lumbung_oidc' : 'lumbung_oidc';
  }

  set(res: Response, flow: OidcFlow, now = Date.now()): void {
    const payload = Buffer.from(
      JSON.stringify({ ...flow, exp: Math.floor(now / 1000) + FLOW_TTL_SECONDS }),
    ).toString('base64url');
    res.cookie(this.name, `${payload}.${this.sign(payload)}`, {
      httpOnly: true,
      secure: this.config.auth.secureCookies,
      sameSite: 'lax',
      path: COOKIE_PATH,
      maxAge: FLOW_TTL_SECONDS * 1000,
    });
  }

  clear(res: Response): void {
    res.clearCookie(this.name, {
      httpOnly: true,
      secure: this.config.auth.secureCookies,
      sameSite: 'lax',
      path: COOKIE_PATH,
    });
  }

  /** The flow this browser started, or undefined when missing, tampered with or expired. */
  read(req: Request, now = Date.now()): OidcFlow | undefined {
    const raw = cookieValue(req.headers.cookie, this.name);
    const [payload, signature, extra] = raw?.split('.') ?? [];
    if (!payload || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const flow = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<
        OidcFlow & { exp: number }
      >;
      const { state, nonce, verifier, returnPath, exp } = flow;
      if (typeof exp !== 'number' || exp * 1000 <= now) return undefined;
      if (![state, nonce, verifier, returnPath].every((v) => typeof v === 'string')) {
        return undefined;
      }
      return { state, nonce, verifier, returnPath } as OidcFlow;
    } catch {
      return undefined;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
