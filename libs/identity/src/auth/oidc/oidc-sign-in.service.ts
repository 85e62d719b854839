import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@lumbung/platform';
import { AuthService, type IssuedSession } from '../auth.service';
import type { ClientInfo } from '../client-info';
import { loginAccount, LoginThrottleService } from '../login-throttle.service';
import { OidcClient, OidcProtocolError } from './oidc-client';
import type { OidcFlow } from './oidc-flow-cookie';
import { SsoAccounts } from './sso-accounts';
import { SsoRefused, type SsoRefusal } from './sso-refusal';

export type SsoOutcome =
  | { signedIn: true; session: IssuedSession; returnPath: string }
  | { signedIn: false; refusal: SsoRefusal };

const PROTOCOL_REFUSAL: Record<OidcProtocolError['kind'], SsoRefusal> = {
  cancelled: 'SSO_CANCELLED',
  unavailable: 'SSO_UNAVAILABLE',
  failed: 'SSO_FAILED',
};

/** A same-origin portal path, or `/` (never another site, never the API). */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/';
  if (!/^\/(?![/\\])/.test(value) || value.includes('\\')) return '/';
  if ([...value].some((c) => c.charCodeAt(0) < 0x20)) return '/';
  return value.startsWith('/api/') ? '/' : value;
}

/**
 * Sign-in by OpenID Connect: starts the authorization code flow with PKCE and finishes it into
 * the same session a password login opens (refresh cookie, access token), auditing either way.
 */
@Injectable()
export class OidcSignInService {
  constructor(
    private readonly client: OidcClient,
    private readonly accounts: SsoAccounts,
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  get enabled(): boolean {
    return this.client.settings !== undefined;
  }

  /** A fresh flow and the provider URL to send the browser to; refusal code when SSO is off/down. */
  async start(returnPath: unknown): Promise<{ flow: OidcFlow; url: string } | SsoRefusal> {
    if (!this.enabled) return 'SSO_DISABLED';
    const flow: OidcFlow = {
      state: randomBytes(32).toString('base64url'),
      nonce: randomBytes(32).toString('base64url'),
      verifier: randomBytes(48).toString('base64url'),
      returnPath: safeReturnPath(returnPath),
    };
    try {
      return { flow, url: (await this.client.authorizationUrl(flow)).toString() };
    } catch (error) {
      if (error instanceof OidcProtocolError) return PROTOCOL_REFUSAL[error.kind];
      throw error;
    }
  }

  /**
   * Finishes the flow this browser started. `query` is the callback's query string; the URL the
   * library checks is built on the configured redirect URI, never on the request's Host header.
   */
  async finish(query: string, flow: OidcFlow | undefined, client: ClientInfo): Promise<SsoOutcome> {
    const settings = this.client.settings;
    try {
      if (!settings) throw new SsoRefused('SSO_DISABLED', 'sso_disabled');
      if (!flow) throw new SsoRefused('SSO_EXPIRED', 'no_flow_cookie');
      const callbackUrl = new URL(settings.redirectUri);
      callbackUrl.search = query;
      const identity = await this.client.exchange(callbackUrl, flow);
      const user = await this.accounts.resolve(identity.claims, settings);
      // The provider authenticated the person: clear what wrong passwords counted against this
      // account from this address, as a password login would (SSO itself guesses no secret).
      await this.throttle.recordSuccess(loginAccount(user.id, ''), client.ip);
      const session = await this.auth.openSession(user.id, client, {
        method: 'oidc',
        idToken: identity.idToken,
      });
      await this.audit.record(undefined, {
        actorId: user.id,
        action: 'authn_login_success',
        ip: client.ip,
        requestId: client.requestId,
        details: { method: 'oidc' },
      });
      return { signedIn: true, session, returnPath: flow.returnPath };
    } catch (error) {
      const refused =
        error instanceof OidcProtocolError
          ? new SsoRefused(PROTOCOL_REFUSAL[error.kind], error.reason)
          : error;
      if (!(refused instanceof SsoRefused)) throw error;
      await this.audit.record(undefined, {
        actorId: refused.userId ?? null,
        action: 'authn_login_fail',
        ip: client.ip,
        requestId: client.requestId,
        details: { method: 'oidc', code: refused.code, reason: refused.reason },
      });
      return { signedIn: false, refusal: refused.code };
    }
  }
}
