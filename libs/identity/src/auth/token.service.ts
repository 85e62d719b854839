import { createHash, randomBytes } from 'node:crypto';
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
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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

  static hash(secret: string): string {
    return createHash('sha256').update(secret).digest('hex');
  }
}
