import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '@lumbung/platform';
import type { AppConfig } from '@lumbung/platform';

export interface AccessClaims {
  sub: string;
  sid: string;
}

const ISSUER = 'lumbung';
const AUDIENCE = 'lumbung-api';

/** Short-lived HS256 access tokens and opaque, rotating refresh tokens. */
@Injectable()
export class TokenService {
  /** Derives refresh-token successors; its own key, so it never doubles as a JWT signature. */
  private readonly successorKey: Buffer;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.successorKey = Buffer.from(
      hkdfSync('sha256', config.auth.jwtSecret, '', 'lumbung refresh successor', 32),
    );
  }

  signAccess(claims: AccessClaims): string {
    return this.jwt.sign(
      { sid: claims.sid, typ: 'access' },
      {
        subject: claims.sub,
        algorithm: 'HS256',
        expiresIn: this.config.auth.accessTokenTtlSeconds,
        issuer: ISSUER,
        audience: AUDIENCE,
      },
    );
  }

  /** Returns the claims of a valid access token, or undefined (bad signature, alg, expiry…). */
  verifyAccess(token: string): AccessClaims | undefined {
    try {
      const payload = this.jwt.verify<{ sub?: unknown; sid?: unknown; typ?: unknown }>(token, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      if (payload.typ !== 'access') return undefined;
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return undefined;
      return { sub: payload.sub, sid: payload.sid };
    } catch {
      return undefined;
    }
  }

  /** A refresh token is `<sessionId>.<secret>`; only the secret's SHA-256 is stored. */
  newRefreshSecret(): { secret: string; hash: string } {
    const secret = randomBytes(32).toString('base64url');
    return { secret, hash: TokenService.hash(secret) };
  }

  /**
   * The secret that replaces `secret` on rotation. Derived (keyed HMAC), not drawn at random, so
   * every refresh presenting the same token gets the same successor: two tabs racing with one
   * cookie stay on one chain. Without the server key it cannot be computed from the old secret.
   */
  successorOf(sessionId: string, secret: string): { secret: string; hash: string } {
    const next = createHmac('sha256', this.successorKey)
      .update(`${sessionId}.${secret}`)
      .digest('base64url');
    return { secret: next, hash: TokenService.hash(next) };
  }

  static hash(secret: string): string {
    return createHash('sha256').update(secret).digest('hex');
  }
}
