/*
 * One reader per section of the configuration, called by loadConfig. Each reads its variables
 * in a fixed order, so the problems of a bad environment are listed in the same order each time.
 */
import { join, resolve } from 'node:path';
import type { AppConfig, OidcConfig } from './config-types';
import type { EnvReader } from './env-reader';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** JWT_SECRET, which signs every token: required, and long enough not to be guessed. */
export function readJwtSecret(r: EnvReader): string {
  const jwtSecret = r.string('JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 32)
    r.problems.push('JWT_SECRET must be at least 32 characters');
  return jwtSecret;
}

/** CORS_ORIGINS: a comma-separated list of scheme://host[:port]; none when unset. */
export function readCorsOrigins(r: EnvReader): string[] {
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
  return corsOrigins;
}

/** SEED_DEMO: on by default outside production, and never in it. */
export function readDemoSeed(r: EnvReader, production: boolean): boolean {
  const demoSeed = r.bool('SEED_DEMO', !production);
  if (production && demoSeed) r.problems.push('SEED_DEMO cannot be true when NODE_ENV=production');
  return demoSeed;
}

export function readHttp(r: EnvReader, port: number, corsOrigins: string[]): AppConfig['http'] {
  return {
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
  };
}

export function readDatabase(r: EnvReader, production: boolean): AppConfig['database'] {
  return {
    url: r.url('DATABASE_URL', ['postgres:', 'postgresql:']),
    runMigrations: r.bool('DB_RUN_MIGRATIONS', !production),
    pool: {
      max: r.int('DB_POOL_MAX', 10, 1, 200),
      connectTimeoutMs: r.int('DB_CONNECT_TIMEOUT_MS', 3000, 100, 120_000),
      statementTimeoutMs: r.int('DB_STATEMENT_TIMEOUT_MS', 15_000, 0, 3_600_000),
      queryTimeoutMs: r.int('DB_QUERY_TIMEOUT_MS', 20_000, 0, 3_600_000),
    },
  };
}

export function readSearch(r: EnvReader, production: boolean): AppConfig['search'] {
  return {
    host: r.url('MEILI_HOST', ['http:', 'https:']),
    apiKey: r.string('MEILI_MASTER_KEY', production ? undefined : ''),
    indexPrefix: r.string('MEILI_INDEX_PREFIX', 'lumbung'),
    timeoutMs: r.int('SEARCH_TIMEOUT_MS', 5000, 100, 60_000),
    breaker: {
      failures: r.int('SEARCH_BREAKER_FAILURES', 3, 0, 1000),
      openMs: r.int('SEARCH_BREAKER_OPEN_MS', 10_000, 100, 600_000),
    },
  };
}

export function readAuth(r: EnvReader, jwtSecret: string, production: boolean): AppConfig['auth'] {
  return {
    jwtSecret,
    accessTokenTtlSeconds: r.int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 3600),
    refreshTokenTtlSeconds: r.int('REFRESH_TOKEN_TTL_SECONDS', 14 * 86400, 300, 90 * 86400),
    secureCookies: r.bool('SECURE_COOKIES', production),
    loginFailureWindowSeconds: r.int('LOGIN_FAILURE_WINDOW_SECONDS', 900, 10, 86400),
    loginFailuresPerAccount: r.int('LOGIN_FAILURES_PER_ACCOUNT', 5, 1, 1000),
    loginFailuresPerIp: r.int('LOGIN_FAILURES_PER_IP', 30, 1, 100_000),
  };
}

/** The worker's timings, and how long idempotency keys and finished jobs are kept. */
export function readBackgroundWork(
  r: EnvReader,
): Pick<AppConfig, 'idempotency' | 'worker' | 'jobs'> {
  return {
    idempotency: {
      ttlMs: r.int('IDEMPOTENCY_TTL_MS', 86_400_000, 60_000, 30 * 86_400_000),
      leaseMs: r.int('IDEMPOTENCY_LEASE_MS', 15_000, 1000, 600_000),
    },
    worker: { pollIntervalMs: r.int('WORKER_POLL_INTERVAL_MS', 1000, 0, 60_000) },
    jobs: {
      retentionDays: r.int('JOBS_RETENTION_DAYS', 7, 1, 3650),
      leaseMs: r.int('JOBS_LEASE_MS', 120_000, 3000, 3_600_000),
    },
  };
}

export function readAntivirus(r: EnvReader): AppConfig['antivirus'] {
  return {
    ...(r.raw('CLAMAV_HOST') ? { host: r.raw('CLAMAV_HOST') } : {}),
    port: r.int('CLAMAV_PORT', 3310, 1, 65535),
    timeoutMs: r.int('CLAMAV_TIMEOUT_MS', 30_000, 100, 600_000),
  };
}

export function readUsage(r: EnvReader): AppConfig['usage'] {
  return {
    retentionMonths: r.int('USAGE_RETENTION_MONTHS', 24, 12, 240),
    rollupIntervalMs: r.int('USAGE_ROLLUP_INTERVAL_MS', 30_000, 0, 3_600_000),
    eventsPerMinute: r.int('USAGE_EVENTS_PER_MINUTE', 120, 1, 100_000),
  };
}

export function readStorage(r: EnvReader): AppConfig['storage'] {
  const driver = r.oneOf<'disk' | 's3'>('STORAGE', ['disk', 's3'], 'disk');
  const base = {
    driver,
    uploadDir: resolve(
      r.raw('UPLOAD_DIR') ?? join(r.raw('LUMBUNG_DATA_DIR') ?? '.lumbung-data', 'uploads'),
    ),
    maxUploadBytes: r.int('UPLOAD_MAX_BYTES', 50 * 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024),
    uploadConcurrency: r.int('UPLOAD_CONCURRENCY', 4, 1, 256),
    uploadQueue: r.int('UPLOAD_QUEUE', 16, 0, 100_000),
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
export function readOidc(
  r: EnvReader,
  production: boolean,
  localLogin: boolean,
): { oidc?: OidcConfig } {
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
export function readMail(r: EnvReader, production: boolean, port: number): AppConfig['mail'] {
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
