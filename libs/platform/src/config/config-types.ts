/** The shape of the validated configuration (loadConfig in app-config.ts builds it). */

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  readonly env: NodeEnv;
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly corsOrigins: readonly string[];
    readonly trustProxyHops: number;
    readonly bodyLimitBytes: number;
    readonly rateLimitPerMinute: number;
    /** Where request limits are counted: PostgreSQL (shared by every API process) or memory. */
    readonly rateLimitStore: 'postgres' | 'memory';
    /** Node's server timeouts against slow clients (slowloris): headers, whole request, idle keep-alive. */
    readonly headersTimeoutMs: number;
    readonly requestTimeoutMs: number;
    readonly keepAliveTimeoutMs: number;
  };
  readonly database: {
    readonly url: string;
    readonly runMigrations: boolean;
    /** Bounded waits, so a stalled PostgreSQL fails requests fast instead of queueing them. */
    readonly pool: {
      readonly max: number;
      /** Waiting for a connection (a new one, or a free one from the pool). */
      readonly connectTimeoutMs: number;
      /** Server-side `statement_timeout` of every session; 0 = none. */
      readonly statementTimeoutMs: number;
      /** Client-side limit on one query's answer (a paused server never cancels); 0 = none. */
      readonly queryTimeoutMs: number;
    };
  };
  readonly search: {
    readonly host: string;
    readonly apiKey: string;
    readonly indexPrefix: string;
    /** A search request to Meilisearch that has not answered by then falls back to PostgreSQL. */
    readonly timeoutMs: number;
    /** Circuit breaker on the search path (writes and indexing never go through it). */
    readonly breaker: {
      /** Consecutive failures or timeouts that open it; 0 = never. */
      readonly failures: number;
      /** While open, searches go straight to PostgreSQL; a background probe after this long. */
      readonly openMs: number;
    };
  };
  readonly auth: {
    readonly jwtSecret: string;
    readonly accessTokenTtlSeconds: number;
    readonly refreshTokenTtlSeconds: number;
    readonly secureCookies: boolean;
    readonly loginFailureWindowSeconds: number;
    readonly loginFailuresPerAccount: number;
    readonly loginFailuresPerIp: number;
  };
  /** How people sign in: local passwords and/or single sign-on by OpenID Connect. */
  readonly sso: {
    /** Password logins (`LOCAL_LOGIN`); off refuses them with `LOCAL_LOGIN_DISABLED`. */
    readonly localLogin: boolean;
    /** Present only when `OIDC_ISSUER` is set (then every other required variable is too). */
    readonly oidc?: OidcConfig;
  };
  readonly log: { readonly level: string; readonly format: 'json' | 'pretty' };
  readonly storage: {
    /** Where file bytes live: this process's disk (the embedded default) or an S3-compatible store. */
    readonly driver: 'disk' | 's3';
    /**
     * With `disk`, attachments live here under server-generated keys, outside any static path.
     * With `s3`, only scratch files: uploads being checked and copies being extracted.
     */
    readonly uploadDir: string;
    readonly maxUploadBytes: number;
    /**
     * Upload bodies an API process reads at once; the others wait (their sockets paused) so a
     * burst of large uploads cannot starve every other request of the event loop.
     */
    readonly uploadConcurrency: number;
    /** Uploads that may wait for a body slot per process; more are answered 503 `UPLOADS_BUSY`. */
    readonly uploadQueue: number;
    /** Set when `driver` is `s3`. */
    readonly s3?: S3Config;
    /** Files with no attachment row are removed once older than this (uploads in flight are younger). */
    readonly orphanGraceMs: number;
    /** How often the worker sweeps orphan files; 0 = never by itself (`cli storage:sweep`). */
    readonly sweepIntervalMs: number;
  };
  /** `Idempotency-Key` on creating routes: how long a key's answer is kept, and the lease of a running one. */
  readonly idempotency: { readonly ttlMs: number; readonly leaseMs: number };
  /** How often the worker looks for due jobs; 0 = never by itself (tests drive it). */
  readonly worker: { readonly pollIntervalMs: number };
  /**
   * Done jobs are deleted by the worker this many days after they finished (dead ones stay). A
   * running job's lease is renewed while its worker lives; a killed worker's jobs are taken
   * back once their lease is this old.
   */
  readonly jobs: { readonly retentionDays: number; readonly leaseMs: number };
  /** clamd; scanning is on only when a host is set. */
  readonly antivirus: { readonly host?: string; readonly port: number; readonly timeoutMs: number };
  readonly demo: { readonly seed: boolean; readonly password: string };
  /** The built portal (apps/web/dist) the API serves at `/`; not served when it is missing. */
  readonly web: { readonly distDir: string };
  /** Usage metrics (the counting rules: libs/metrics/README.md). */
  readonly usage: {
    /** Raw events keep user ids this long, then are pseudonymised (rollups keep their numbers). */
    readonly retentionMonths: number;
    /** How often the worker folds new events into the rollups; 0 = never by itself (tests). */
    readonly rollupIntervalMs: number;
    /** Asset reads and event posts one account may make per minute before 429 (anti-automation). */
    readonly eventsPerMinute: number;
  };
  /** Notification emails (sent by the worker); off when SMTP_URL is unset. */
  readonly mail: {
    readonly smtpUrl?: string;
    readonly from: string;
    /** The portal's public address: the links in emails start with it. */
    readonly portalUrl: string;
    /** The hour (WIB, 0–23) the daily digest goes out. */
    readonly digestHourWib: number;
  };
}

/** An S3-compatible bucket (AWS, MinIO, Garage, SeaweedFS). */
export interface S3Config {
  /** Unset for AWS itself; the store's URL otherwise. */
  readonly endpoint?: string;
  readonly bucket: string;
  readonly region: string;
  /** Unset: the SDK's default chain (instance role, AWS_* variables). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** `host/bucket/key` URLs instead of `bucket.host/key` (MinIO and most self-hosted stores). */
  readonly forcePathStyle: boolean;
}

/** The OpenID Connect relying party (authorization code with PKCE). */
export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** `…/api/v1/auth/oidc/callback` as registered at the provider. */
  readonly redirectUri: string;
  /** Where the provider sends people after its logout (registered there too). */
  readonly postLogoutRedirectUri: string;
  /** The claim that carries the 18-digit NIP (matched first; email second). */
  readonly nipClaim: string;
  /** Just-in-time provisioning: an unknown identity becomes an `asn` of the OPD `opdClaim` names. */
  readonly jit: boolean;
  readonly opdClaim?: string;
}
