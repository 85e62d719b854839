/**
 * The little of oidc-provider 9 the test provider uses (the package ships no types and
 * @types/oidc-provider is not a dependency).
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface Grant {
    jti: string;
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  interface KoaContextWithOIDC {
    path: string;
    method: string;
    body: unknown;
    oidc: {
      session?: {
        accountId?: string;
        grantIdFor(clientId: string, grantId?: string): string | undefined;
        ensureClientContainer(clientId: string): void;
      };
      client?: { clientId: string };
      provider: Provider;
    };
  }

  interface Configuration {
    clients: Record<string, unknown>[];
    jwks: { keys: Record<string, unknown>[] };
    cookies: { keys: string[] };
    pkce: { required: () => boolean };
    ttl: Record<string, number>;
    claims: Record<string, string[]>;
    features: Record<string, { enabled: boolean }>;
    findAccount: (
      ctx: KoaContextWithOIDC,
      sub: string,
    ) =>
      | { accountId: string; claims: () => Record<string, unknown> }
      | undefined
      | Promise<{ accountId: string; claims: () => Record<string, unknown> } | undefined>;
    loadExistingGrant: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>;
  }

  class Provider {
    constructor(issuer: string, configuration: Configuration);
    Grant: {
      new (init: { accountId: string; clientId: string }): Grant;
      find(id: string): Promise<Grant | undefined>;
    };
    use(middleware: (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>): void;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }

  export default Provider;
  export type { Configuration, KoaContextWithOIDC };
}
