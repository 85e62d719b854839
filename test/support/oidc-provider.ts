import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  generateKeyPair,
  type JWK,
  decodeJwt,
  decodeProtectedHeader,
  SignJWT,
} from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

/** Claims a test account carries at the provider (`sub` is its account id). */
export type AccountClaims = Record<string, string | boolean | number>;

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** A second registered client: ID tokens for it must not sign anyone in at Lumbung. */
  otherClientId: string;
  /** Adds or replaces an account the sign-in page accepts (any password). */
  account(id: string, claims: AccountClaims): void;
  /** While set, ID tokens from the token endpoint are re-signed with these claims changed. */
  tamperIdToken(changes: Record<string, unknown> | undefined): void;
  /** How many times the token endpoint answered (to prove a refusal came before it). */
  tokenRequests(): number;
  close(): Promise<void>;
}

/**
 * A real OpenID Provider (oidc-provider) in this process on a free loopback port, with the
 * Lumbung client, a second client, accounts carrying `nip`/`email`/`opd` claims, PKCE required,
 * RP-initiated logout, and its development sign-in page (any password; the login names the
 * account). The first-party client is pre-authorised, so no consent page follows the sign-in.
 */
export async function startOidcProvider(options: {
  redirectUri: string;
  postLogoutRedirectUri?: string;
}): Promise<TestOidcProvider> {
  const accounts = new Map<string, AccountClaims>();
  let tamper: Record<string, unknown> | undefined;
  let tokenCount = 0;
  // The issuer names the port, so the provider is made after the server listens.
  const app: { handle?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server: Server = createServer((req, res) => app.handle?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const clientId = 'lumbung';
  const clientSecret = 'lumbung-test-client-secret';
  const client = (id: string, secret: string) => ({
    client_id: id,
    client_secret: secret,
    redirect_uris: [options.redirectUri],
    post_logout_redirect_uris: [
      options.postLogoutRedirectUri ?? new URL('/masuk', options.redirectUri).toString(),
    ],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  });
  const configuration: Configuration = {
    clients: [client(clientId, clientSecret), client('aplikasi-lain', 'another-client-secret')],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
    pkce: { required: () => true },
    // Explicit lifetimes (the defaults print a notice each).
    ttl: { Interaction: 600, Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600 },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'nip', 'opd'],
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    findAccount: (_ctx, sub) => {
      const claims = accounts.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...claims }) };
    },
    // First-party: the grant is given without a consent page.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { session, client: rp, provider } = ctx.oidc;
      if (!session?.accountId || !rp) return undefined;
      const existing = session.grantIdFor(rp.clientId);
      if (existing) return provider.Grant.find(existing);
      const grant = new provider.Grant({ accountId: session.accountId, clientId: rp.clientId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      session.ensureClientContainer(rp.clientId);
      session.grantIdFor(rp.clientId, grant.jti);
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || ctx.method !== 'POST') return;
    tokenCount += 1;
    const body = ctx.body as { id_token?: string } | undefined;
    if (tamper && body?.id_token) {
      const header = decodeProtectedHeader(body.id_token);
      body.id_token = await new SignJWT({ ...decodeJwt(body.id_token), ...tamper })
        .setProtectedHeader({ alg: 'RS256', kid: header.kid, typ: header.typ })
        .sign(privateKey);
    }
  });
  app.handle = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    otherClientId: 'aplikasi-lain',
    account: (id, claims) => void accounts.set(id, claims),
    tamperIdToken: (changes) => {
      tamper = changes;
    },
    tokenRequests: () => tokenCount,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Follows the provider's redirects like a browser would, with a cookie jar of its own. */
export class ProviderBrowser {
  private readonly cookies = new Map<string, string>();

  /**
   * Opens `authorizationUrl`, signs in as `account` on the provider's page and returns the URL the
   * provider sends the browser back to (Lumbung's callback with `code` and `state`).
   */
  async signIn(authorizationUrl: string, account: string): Promise<URL> {
    let response = await this.get(authorizationUrl);
    const interaction = new URL(this.location(response), authorizationUrl);
    if (!interaction.pathname.startsWith('/interaction/')) return interaction;
    response = await this.request(interaction.toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        prompt: 'login',
        login: account,
        password: 'apa saja',
      }).toString(),
    });
    let next = new URL(this.location(response), interaction);
    // Resume at the authorization endpoint, which then answers with the redirect back.
    while (next.origin === interaction.origin) {
      response = await this.get(next.toString());
      next = new URL(this.location(response), next);
    }
    return next;
  }

  private location(response: Response): string {
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} without a redirect`);
    return location;
  }

  private get(url: string): Promise<Response> {
    return this.request(url, { method: 'GET' });
  }

  private async request(url: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  }
}
