import { join, resolve } from 'node:path';

/**
 * The one place that reads process.env. Every variable is validated once, at start, and the
 * result is a typed, grouped, frozen object. A bad value stops the process with a message that
 * names the variable.
 */
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

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  string(name: string, fallback?: string): string {
    const value = this.raw(name) ?? fallback;
    if (value === undefined) {
      this.problems.push(`${name} is required`);
      return '';
    }
    return value;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = /^-?\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return parsed;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    this.problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    }
    return value as T;
  }

  url(name: string, protocols: readonly string[], fallback?: string): string {
    const value = this.string(name, fallback);
    if (!value) return value;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
    } catch {
      this.problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
    }
    return value;
  }
}

/** Validates the environment and returns the configuration, or throws ConfigError listing every problem. */
export function loadConfig(env: Env = process.env): AppConfig {
  const r = new Reader(env);
  const nodeEnv = r.oneOf<NodeEnv>(
    'NODE_ENV',
    ['development', 'production', 'test'],
    'development',
  );
  const production = nodeEnv === 'production';

  const jwtSecret = r.string('JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 32)
    r.problems.push('JWT_SECRET must be at least 32 characters');
  const corsRaw = r.raw('CORS_ORIGINS');
  const corsOrigins = corsRaw
    ? corsRaw
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean)
    : [];
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      r.problems.push(`CORS_ORIGINS has an invalid origin "${origin}" (use scheme://host[:port])`);
    }
  }
  const demoSeed = r.bool('SEED_DEMO', !production);
  if (production && demoSeed) r.problems.push('SEED_DEMO cannot be true when NODE_ENV=production');
  const localLogin = r.bool('LOCAL_LOGIN', true);
  const logLevel = r.oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'warn' : 'info');

  const port = r.int('PORT', 3000, 0, 65535);
  const config: AppConfig = {
    env: nodeEnv,
    http: {
      host: r.string('HOST', '0.0.0.0'),
      port,
      corsOrigins,
      trustProxyHops: r.int('TRUST_PROXY_HOPS', 0, 0, 10),
      bodyLimitBytes: r.int('BODY_LIMIT_BYTES', 256 * 1024, 1024, 10 * 1024 * 1024),
      rateLimitPerMinute: r.int('RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
      rateLimitStore: r.oneOf<'postgres' | 'memory'>(
        'RATE_LIMIT_STORE',
        ['postgres', 'memory'],
        'postgres',
      ),
      headersTimeoutMs: r.int('HTTP_HEADERS_TIMEOUT_MS', 20_000, 1000, 600_000),
      requestTimeoutMs: r.int('HTTP_REQUEST_TIMEOUT_MS', 300_000, 1000, 3_600_000),
      keepAliveTimeoutMs: r.int('HTTP_KEEP_ALIVE_TIMEOUT_MS', 5000, 100, 600_000),
    },
    database: {
      url: r.url('DATABASE_URL', ['postgres:', 'postgresql:']),
      runMigrations: r.bool('DB_RUN_MIGRATIONS', !production),
      pool: {
        max: r.int('DB_POOL_MAX', 10, 1, 200),
        connectTimeoutMs: r.int('DB_CONNECT_TIMEOUT_MS', 3000, 100, 120_000),
        statementTimeoutMs: r.int('DB_STATEMENT_TIMEOUT_MS', 15_000, 0, 3_600_000),
        queryTimeoutMs: r.int('DB_QUERY_TIMEOUT_MS', 20_000, 0, 3_600_000),
      },
    },
    search: {
      host: r.url('MEILI_HOST', ['http:', 'https:']),
      apiKey: r.string('MEILI_MASTER_KEY', production ? undefined : ''),
      indexPrefix: r.string('MEILI_INDEX_PREFIX', 'lumbung'),
      timeoutMs: r.int('SEARCH_TIMEOUT_MS', 5000, 100, 60_000),
      breaker: {
        failures: r.int('SEARCH_BREAKER_FAILURES', 3, 0, 1000),
        openMs: r.int('SEARCH_BREAKER_OPEN_MS', 10_000, 100, 600_000),
      },
    },
    auth: {
      jwtSecret,
      accessTokenTtlSeconds: r.int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 3600),
      refreshTokenTtlSeconds: r.int('REFRESH_TOKEN_TTL_SECONDS', 14 * 86400, 300, 90 * 86400),
      secureCookies: r.bool('SECURE_COOKIES', production),
      loginFailureWindowSeconds: r.int('LOGIN_FAILURE_WINDOW_SECONDS', 900, 10, 86400),
      loginFailuresPerAccount: r.int('LOGIN_FAILURES_PER_ACCOUNT', 5, 1, 1000),
      loginFailuresPerIp: r.int('LOGIN_FAILURES_PER_IP', 30, 1, 100_000),
    },
    sso: { localLogin, ...oidcConfig(r, production, localLogin) },
    log: {
      level: logLevel,
      format: r.oneOf<'json' | 'pretty'>('LOG_FORMAT', ['json', 'pretty'], 'json'),
    },
    storage: storageConfig(r),
    idempotency: {
      ttlMs: r.int('IDEMPOTENCY_TTL_MS', 86_400_000, 60_000, 30 * 86_400_000),
      leaseMs: r.int('IDEMPOTENCY_LEASE_MS', 15_000, 1000, 600_000),
    },
    worker: { pollIntervalMs: r.int('WORKER_POLL_INTERVAL_MS', 1000, 0, 60_000) },
    jobs: {
      retentionDays: r.int('JOBS_RETENTION_DAYS', 7, 1, 3650),
      leaseMs: r.int('JOBS_LEASE_MS', 120_000, 3000, 3_600_000),
    },
    antivirus: {
      ...(r.raw('CLAMAV_HOST') ? { host: r.raw('CLAMAV_HOST') } : {}),
      port: r.int('CLAMAV_PORT', 3310, 1, 65535),
      timeoutMs: r.int('CLAMAV_TIMEOUT_MS', 30_000, 100, 600_000),
    },
    demo: { seed: demoSeed, password: r.string('DEMO_PASSWORD', 'Lumbung#2025') },
    web: { distDir: resolve(r.raw('WEB_DIST_DIR') ?? join('apps', 'web', 'dist')) },
    usage: {
      retentionMonths: r.int('USAGE_RETENTION_MONTHS', 24, 12, 240),
      rollupIntervalMs: r.int('USAGE_ROLLUP_INTERVAL_MS', 30_000, 0, 3_600_000),
      eventsPerMinute: r.int('USAGE_EVENTS_PER_MINUTE', 120, 1, 100_000),
    },
    mail: readMail(r, production, port),
  };
  if (config.search.indexPrefix && !/^[a-z0-9_]{1,40}$/.test(config.search.indexPrefix)) {
    r.problems.push('MEILI_INDEX_PREFIX must be 1–40 lower-case letters, digits or underscores');
  }
  if (config.http.headersTimeoutMs > config.http.requestTimeoutMs) {
    r.problems.push('HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  const pool = config.database.pool;
  if (pool.queryTimeoutMs > 0 && pool.queryTimeoutMs < pool.statementTimeoutMs) {
    r.problems.push('DB_QUERY_TIMEOUT_MS must be 0 or at least DB_STATEMENT_TIMEOUT_MS');
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return deepFreeze(config);
}

function storageConfig(r: Reader): AppConfig['storage'] {
  const driver = r.oneOf<'disk' | 's3'>('STORAGE', ['disk', 's3'], 'disk');
  const base = {
    driver,
    uploadDir: resolve(
      r.raw('UPLOAD_DIR') ?? join(r.raw('LUMBUNG_DATA_DIR') ?? '.lumbung-data', 'uploads'),
    ),
    maxUploadBytes: r.int('UPLOAD_MAX_BYTES', 50 * 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024),
    orphanGraceMs: r.int('STORAGE_ORPHAN_GRACE_MS', 6 * 3_600_000, 1000, 30 * 86_400_000),
    sweepIntervalMs: r.int('STORAGE_SWEEP_INTERVAL_MS', 3_600_000, 0, 86_400_000),
  };
  if (driver !== 's3') return base;
  const endpoint = r.raw('S3_ENDPOINT') ? r.url('S3_ENDPOINT', ['http:', 'https:']) : undefined;
  const bucket = r.string('S3_BUCKET');
  // S3's rules for bucket names (3–63 lower-case letters, digits, dots and hyphens).
  if (bucket && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    r.problems.push(
      'S3_BUCKET must be a valid bucket name (3–63 lower-case letters, digits, . or -)',
    );
  }
  const accessKeyId = r.raw('S3_ACCESS_KEY_ID');
  const secretAccessKey = r.raw('S3_SECRET_ACCESS_KEY');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    r.problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all');
  }
  return {
    ...base,
    s3: {
      ...(endpoint ? { endpoint } : {}),
      bucket,
      region: r.string('S3_REGION', 'us-east-1'),
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      // Self-hosted stores rarely have wildcard DNS for bucket subdomains; AWS prefers them.
      forcePathStyle: r.bool('S3_FORCE_PATH_STYLE', endpoint !== undefined),
    },
  };
}

const OIDC_REQUIRED = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;

/**
 * SSO is off unless OIDC_ISSUER is set; then the client id, secret and redirect URI are required,
 * and any of them set without the issuer is a mistake too (a half-configured SSO never starts).
 */
function oidcConfig(r: Reader, production: boolean, localLogin: boolean): { oidc?: OidcConfig } {
  const issuerSet = r.raw('OIDC_ISSUER') !== undefined;
  const jit = r.bool('OIDC_JIT', false);
  if (!issuerSet) {
    for (const name of [...OIDC_REQUIRED, 'OIDC_OPD_CLAIM']) {
      if (r.raw(name) !== undefined) r.problems.push(`OIDC_ISSUER is required when ${name} is set`);
    }
    if (jit) r.problems.push('OIDC_ISSUER is required when OIDC_JIT is on');
    if (!localLogin) {
      r.problems.push('LOCAL_LOGIN=false needs OIDC_ISSUER (otherwise nobody can sign in)');
    }
    return {};
  }
  // Plain HTTP is for a provider on loopback in tests and development only.
  const schemes = production ? ['https:'] : ['https:', 'http:'];
  const redirectUri = r.url('OIDC_REDIRECT_URI', schemes);
  let origin = '';
  try {
    origin = new URL(redirectUri).origin;
  } catch {
    // reported by r.url
  }
  const opdClaim = r.raw('OIDC_OPD_CLAIM');
  if (jit && !opdClaim) r.problems.push('OIDC_OPD_CLAIM is required when OIDC_JIT is on');
  return {
    oidc: {
      issuer: r.url('OIDC_ISSUER', schemes),
      clientId: r.string('OIDC_CLIENT_ID'),
      clientSecret: r.string('OIDC_CLIENT_SECRET'),
      redirectUri,
      postLogoutRedirectUri: r.url(
        'OIDC_POST_LOGOUT_URI',
        schemes,
        origin ? `${origin}/masuk` : '',
      ),
      nipClaim: r.string('OIDC_NIP_CLAIM', 'nip'),
      jit,
      ...(opdClaim ? { opdClaim } : {}),
    },
  };
}

const MAILBOX = /^(?:[^<>@\s][^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

/** Mail is on only with SMTP_URL; then MAIL_FROM is required (and PORTAL_URL in production). */
function readMail(r: Reader, production: boolean, port: number): AppConfig['mail'] {
  const smtpUrl = r.raw('SMTP_URL') ? r.url('SMTP_URL', ['smtp:', 'smtps:']) : undefined;
  const from = r.raw('MAIL_FROM') ?? '';
  if (smtpUrl && !from) r.problems.push('MAIL_FROM is required when SMTP_URL is set');
  if (from && !MAILBOX.test(from)) {
    r.problems.push('MAIL_FROM must be an address, e.g. "Lumbung <lumbung@jakarta.go.id>"');
  }
  if (smtpUrl && production && !r.raw('PORTAL_URL')) {
    r.problems.push('PORTAL_URL is required when SMTP_URL is set in production');
  }
  const portalUrl = r
    .url('PORTAL_URL', ['http:', 'https:'], `http://localhost:${port}`)
    .replace(/\/+$/, '');
  return {
    ...(smtpUrl ? { smtpUrl } : {}),
    from,
    portalUrl,
    digestHourWib: r.int('MAIL_DIGEST_HOUR_WIB', 7, 0, 23),
  };
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child as object);
  }
  return Object.freeze(value);
}
