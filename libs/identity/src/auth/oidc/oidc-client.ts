import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { APP_CONFIG } from '@lumbung/platform';
import type { AppConfig, OidcConfig } from '@lumbung/platform';

/** What the provider said about the person: ID token claims, completed by userinfo. */
export interface OidcIdentity {
  claims: Record<string, unknown>;
  idToken: string;
}

/** Why a sign-in at the provider did not give us an identity. */
export class OidcProtocolError extends Error {
  constructor(
    /** `cancelled`: the person or provider declined; `unavailable`: unreachable; else `failed`. */
    readonly kind: 'cancelled' | 'unavailable' | 'failed',
    /** For the audit log: the library's or provider's code (never a token). */
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * The relying party, through openid-client: discovery (once, retried after a failure), the
 * authorization URL with PKCE, state and nonce, the code exchange with every check the library
 * makes (state, issuer, audience, signature, nonce, PKCE), userinfo and the end-session URL.
 */
@Injectable()
export class OidcClient {
  private readonly logger = new Logger(OidcClient.name);
  private discovered: Promise<oidc.Configuration> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get settings(): OidcConfig | undefined {
    return this.config.sso.oidc;
  }

  async authorizationUrl(flow: { state: string; nonce: string; verifier: string }): Promise<URL> {
    const configuration = await this.configuration();
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.required().redirectUri,
      scope: 'openid profile email',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
  }

  /** Exchanges the code in `callbackUrl`; throws OidcProtocolError on any failed check. */
  async exchange(
    callbackUrl: URL,
    flow: { state: string; nonce: string; verifier: string },
  ): Promise<OidcIdentity> {
    const configuration = await this.configuration();
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) throw new OidcProtocolError('failed', 'no_id_token');
      let claims: Record<string, unknown> = { ...idClaims };
      if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
        claims = { ...info, ...claims };
      }
      return { claims, idToken: tokens.id_token };
    } catch (error) {
      throw asProtocolError(error);
    }
  }

  /** The provider's logout URL for this ID token, when the provider has one. */
  async endSessionUrl(idToken: string | null): Promise<string | null> {
    const configuration = await this.configuration().catch(() => undefined);
    if (!configuration?.serverMetadata().end_session_endpoint) return null;
    return oidc
      .buildEndSessionUrl(configuration, {
        post_logout_redirect_uri: this.required().postLogoutRedirectUri,
        ...(idToken ? { id_token_hint: idToken } : {}),
      })
      .toString();
  }

  private required(): OidcConfig {
    const settings = this.settings;
    if (!settings) throw new OidcProtocolError('failed', 'sso_disabled');
    return settings;
  }

  private configuration(): Promise<oidc.Configuration> {
    const settings = this.required();
    this.discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        oidc.ClientSecretBasic(settings.clientSecret),
        // Plain HTTP only reaches config outside production (a provider on loopback in tests).
        new URL(settings.issuer).protocol === 'http:'
          ? { execute: [oidc.allowInsecureRequests] }
          : undefined,
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        this.logger.warn(`OIDC discovery at ${settings.issuer} failed: ${String(error)}`);
        throw new OidcProtocolError('unavailable', 'discovery_failed');
      });
    return this.discovered;
  }
}

function asProtocolError(error: unknown): OidcProtocolError {
  if (error instanceof OidcProtocolError) return error;
  if (error instanceof oidc.AuthorizationResponseError) {
    const kind = error.error === 'access_denied' ? 'cancelled' : 'failed';
    return new OidcProtocolError(kind, `provider:${error.error}`);
  }
  if (error instanceof oidc.ResponseBodyError) {
    return new OidcProtocolError('failed', `token_endpoint:${error.error}`);
  }
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) {
    return new OidcProtocolError('unavailable', 'provider_unreachable');
  }
  const code = (error as { code?: unknown }).code;
  return new OidcProtocolError('failed', typeof code === 'string' ? code : 'invalid_response');
}
