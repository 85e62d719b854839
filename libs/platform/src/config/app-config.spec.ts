import { resolve } from 'node:path';
import { type AppConfig, ConfigError, loadConfig } from './app-config';

const SECRET = 'a-very-long-secret-of-32-chars!!';

const VALID = {
  DATABASE_URL: 'postgres://lumbung:secret@localhost:5432/lumbung',
  MEILI_HOST: 'http://localhost:7700',
  JWT_SECRET: SECRET,
} as const;

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('loadConfig did not throw');
}

describe('loadConfig', () => {
  it('fills every default from a minimal valid environment', () => {
    expect(SECRET).toHaveLength(32);
    const expected: AppConfig = {
      env: 'development',
      http: {
        host: '0.0.0.0',
        port: 3000,
        corsOrigins: [],
        trustProxyHops: 0,
        bodyLimitBytes: 262144,
        rateLimitPerMinute: 600,
        rateLimitStore: 'postgres',
        headersTimeoutMs: 20000,
        requestTimeoutMs: 300000,
        keepAliveTimeoutMs: 5000,
      },
      database: {
        url: 'postgres://lumbung:secret@localhost:5432/lumbung',
        runMigrations: true,
        pool: { max: 10, connectTimeoutMs: 3000, statementTimeoutMs: 15000, queryTimeoutMs: 20000 },
      },
      search: {
        host: 'http://localhost:7700',
        apiKey: '',
        indexPrefix: 'lumbung',
        timeoutMs: 5000,
        breaker: { failures: 3, openMs: 10000 },
      },
      auth: {
        jwtSecret: SECRET,
        accessTokenTtlSeconds: 900,
        refreshTokenTtlSeconds: 1209600,
        secureCookies: false,
        loginFailureWindowSeconds: 900,
        loginFailuresPerAccount: 5,
        loginFailuresPerIp: 30,
      },
      sso: { localLogin: true },
      log: { level: 'info', format: 'json' },
      demo: { seed: true, password: 'Lumbung#2025' },
      web: { distDir: resolve('apps/web/dist') },
      storage: {
        driver: 'disk',
        uploadDir: resolve('.lumbung-data/uploads'),
        maxUploadBytes: 52428800,
        uploadConcurrency: 4,
        uploadQueue: 16,
        orphanGraceMs: 21600000,
        sweepIntervalMs: 3600000,
      },
      idempotency: { ttlMs: 86400000, leaseMs: 15000 },
      worker: { pollIntervalMs: 1000 },
      jobs: { retentionDays: 7, leaseMs: 120000 },
      antivirus: { port: 3310, timeoutMs: 30000 },
      usage: { retentionMonths: 24, rollupIntervalMs: 30000, eventsPerMinute: 120 },
      mail: { from: '', portalUrl: 'http://localhost:3000', digestHourWib: 7 },
    };
    expect(loadConfig({ ...VALID })).toEqual(expected);
  });

  it('turns mail on with SMTP_URL and MAIL_FROM, links to PORTAL_URL without its trailing slash', () => {
    const config = loadConfig({
      ...VALID,
      SMTP_URL: 'smtp://mail.internal:587',
      MAIL_FROM: 'Lumbung <lumbung@jakarta.go.id>',
      PORTAL_URL: 'https://lumbung.jakarta.go.id/',
      MAIL_DIGEST_HOUR_WIB: '6',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtp://mail.internal:587',
      from: 'Lumbung <lumbung@jakarta.go.id>',
      portalUrl: 'https://lumbung.jakarta.go.id',
      digestHourWib: 6,
    });
  });

  it('refuses mail settings that cannot work', () => {
    expect(problemsOf({ ...VALID, SMTP_URL: 'smtp://mail.internal' })).toEqual([
      'MAIL_FROM is required when SMTP_URL is set',
    ]);
    expect(problemsOf({ ...VALID, SMTP_URL: 'http://mail', MAIL_FROM: 'a@b.id' })).toEqual([
      'SMTP_URL must be a smtp: or smtps: URL',
    ]);
    expect(problemsOf({ ...VALID, MAIL_FROM: 'not an address' })).toEqual([
      'MAIL_FROM must be an address, e.g. "Lumbung <lumbung@jakarta.go.id>"',
    ]);
    expect(
      problemsOf({
        ...VALID,
        NODE_ENV: 'production',
        MEILI_MASTER_KEY: 'k',
        SMTP_URL: 'smtps://mail.internal',
        MAIL_FROM: 'a@b.id',
      }),
    ).toEqual(['PORTAL_URL is required when SMTP_URL is set in production']);
  });

  it('reads explicit values, trimming whitespace', () => {
    const config = loadConfig({
      ...VALID,
      PORT: ' 8080 ',
      HOST: '127.0.0.1',
      CORS_ORIGINS: 'https://lumbung.jakarta.go.id, http://localhost:5173 ,',
      TRUST_PROXY_HOPS: '2',
      SEED_DEMO: 'off',
      DEMO_PASSWORD: 'Rahasia#1',
      LOG_LEVEL: 'debug',
      DATABASE_URL: 'postgresql://db.internal/lumbung',
      MEILI_HOST: 'https://search.internal',
      MEILI_INDEX_PREFIX: 'test_01',
    });
    expect(config.http.port).toBe(8080);
    expect(config.http.host).toBe('127.0.0.1');
    expect(config.http.corsOrigins).toEqual([
      'https://lumbung.jakarta.go.id',
      'http://localhost:5173',
    ]);
    expect(config.http.trustProxyHops).toBe(2);
    expect(config.demo).toEqual({ seed: false, password: 'Rahasia#1' });
    expect(config.log.level).toBe('debug');
    expect(config.database.url).toBe('postgresql://db.internal/lumbung');
    expect(config.search.host).toBe('https://search.internal');
    expect(config.search.indexPrefix).toBe('test_01');
  });

  it('treats blank values as unset', () => {
    const config = loadConfig({ ...VALID, PORT: '   ', SEED_DEMO: '' });
    expect(config.http.port).toBe(3000);
    expect(config.demo.seed).toBe(true);
    expect(problemsOf({ ...VALID, DATABASE_URL: '  ' })).toEqual(['DATABASE_URL is required']);
  });

  it('uses production defaults: no demo seed, no migrations, secure cookies', () => {
    const config = loadConfig({ ...VALID, NODE_ENV: 'production', MEILI_MASTER_KEY: 'key' });
    expect(config.env).toBe('production');
    expect(config.demo.seed).toBe(false);
    expect(config.database.runMigrations).toBe(false);
    expect(config.auth.secureCookies).toBe(true);
    expect(config.search.apiKey).toBe('key');
  });

  it('requires MEILI_MASTER_KEY in production only', () => {
    expect(problemsOf({ ...VALID, NODE_ENV: 'production' })).toEqual([
      'MEILI_MASTER_KEY is required',
    ]);
    expect(loadConfig({ ...VALID, NODE_ENV: 'test' }).search.apiKey).toBe('');
  });

  it('uses warn logging and keeps the demo seed in test', () => {
    const config = loadConfig({ ...VALID, NODE_ENV: 'test' });
    expect(config.log.level).toBe('warn');
    expect(config.demo.seed).toBe(true);
  });

  describe('single sign-on', () => {
    const OIDC = {
      OIDC_ISSUER: 'https://sso.jakarta.go.id/realms/asn',
      OIDC_CLIENT_ID: 'lumbung',
      OIDC_CLIENT_SECRET: 'rahasia',
      OIDC_REDIRECT_URI: 'https://lumbung.jakarta.go.id/api/v1/auth/oidc/callback',
    };

    it('is off unless OIDC_ISSUER is set, and local login is on by default', () => {
      expect(loadConfig({ ...VALID }).sso).toEqual({ localLogin: true });
    });

    it('reads the client, the claim mapping and JIT provisioning', () => {
      const config = loadConfig({
        ...VALID,
        ...OIDC,
        LOCAL_LOGIN: 'false',
        OIDC_JIT: 'true',
        OIDC_OPD_CLAIM: 'kode_opd',
      });
      expect(config.sso).toEqual({
        localLogin: false,
        oidc: {
          ...{ issuer: OIDC.OIDC_ISSUER, clientId: 'lumbung', clientSecret: 'rahasia' },
          redirectUri: OIDC.OIDC_REDIRECT_URI,
          postLogoutRedirectUri: 'https://lumbung.jakarta.go.id/masuk',
          nipClaim: 'nip',
          jit: true,
          opdClaim: 'kode_opd',
        },
      });
    });

    it.each(['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'])(
      'refuses to start when OIDC_ISSUER is set without %s, naming it',
      (name) => {
        expect(problemsOf({ ...VALID, ...OIDC, [name]: undefined })).toEqual([
          `${name} is required`,
        ]);
      },
    );

    it('refuses a client configured without its issuer', () => {
      expect(problemsOf({ ...VALID, ...OIDC, OIDC_ISSUER: undefined })).toEqual([
        'OIDC_ISSUER is required when OIDC_CLIENT_ID is set',
        'OIDC_ISSUER is required when OIDC_CLIENT_SECRET is set',
        'OIDC_ISSUER is required when OIDC_REDIRECT_URI is set',
      ]);
    });

    it('refuses JIT without the OPD claim, and no way to sign in at all', () => {
      expect(problemsOf({ ...VALID, ...OIDC, OIDC_JIT: 'on' })).toEqual([
        'OIDC_OPD_CLAIM is required when OIDC_JIT is on',
      ]);
      expect(problemsOf({ ...VALID, LOCAL_LOGIN: 'off' })).toEqual([
        'LOCAL_LOGIN=false needs OIDC_ISSUER (otherwise nobody can sign in)',
      ]);
    });

    it('takes a plain-HTTP provider outside production only', () => {
      const local = { ...OIDC, OIDC_ISSUER: 'http://127.0.0.1:4000' };
      expect(loadConfig({ ...VALID, ...local }).sso.oidc?.issuer).toBe('http://127.0.0.1:4000');
      expect(
        problemsOf({ ...VALID, ...local, NODE_ENV: 'production', MEILI_MASTER_KEY: 'k' }),
      ).toEqual(['OIDC_ISSUER must be a https: URL']);
    });
  });

  describe('problems name the variable', () => {
    it.each([
      ['missing DATABASE_URL', { DATABASE_URL: undefined }, 'DATABASE_URL is required'],
      ['missing MEILI_HOST', { MEILI_HOST: undefined }, 'MEILI_HOST is required'],
      ['missing JWT_SECRET', { JWT_SECRET: undefined }, 'JWT_SECRET is required'],
      [
        'non-numeric PORT',
        { PORT: 'abc' },
        'PORT must be a whole number from 0 to 65535 (got "abc")',
      ],
      [
        'out-of-range PORT',
        { PORT: '70000' },
        'PORT must be a whole number from 0 to 65535 (got "70000")',
      ],
      ['negative PORT', { PORT: '-1' }, 'PORT must be a whole number from 0 to 65535 (got "-1")'],
      [
        'fractional PORT',
        { PORT: '3000.5' },
        'PORT must be a whole number from 0 to 65535 (got "3000.5")',
      ],
      [
        'short JWT_SECRET',
        { JWT_SECRET: 'x'.repeat(31) },
        'JWT_SECRET must be at least 32 characters',
      ],
      [
        'MEILI_HOST not a URL',
        { MEILI_HOST: 'not a url' },
        'MEILI_HOST must be a http: or https: URL',
      ],
      [
        'MEILI_HOST without scheme',
        { MEILI_HOST: 'localhost:7700' },
        'MEILI_HOST must be a http: or https: URL',
      ],
      [
        'DATABASE_URL of another database',
        { DATABASE_URL: 'mysql://localhost/lumbung' },
        'DATABASE_URL must be a postgres: or postgresql: URL',
      ],
      [
        'unknown NODE_ENV',
        { NODE_ENV: 'staging' },
        'NODE_ENV must be one of development, production, test (got "staging")',
      ],
      ['bad boolean', { SEED_DEMO: 'maybe' }, 'SEED_DEMO must be true or false (got "maybe")'],
      [
        'unknown LOG_LEVEL',
        { LOG_LEVEL: 'verbose' },
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")',
      ],
      [
        'CORS origin with a path',
        { CORS_ORIGINS: 'https://ok.example,https://bad.example/' },
        'CORS_ORIGINS has an invalid origin "https://bad.example/" (use scheme://host[:port])',
      ],
      [
        'CORS origin without scheme',
        { CORS_ORIGINS: 'lumbung.jakarta.go.id' },
        'CORS_ORIGINS has an invalid origin "lumbung.jakarta.go.id" (use scheme://host[:port])',
      ],
      [
        'upper-case MEILI_INDEX_PREFIX',
        { MEILI_INDEX_PREFIX: 'Lumbung' },
        'MEILI_INDEX_PREFIX must be 1–40 lower-case letters, digits or underscores',
      ],
      [
        'SEARCH_TIMEOUT_MS too short',
        { SEARCH_TIMEOUT_MS: '50' },
        'SEARCH_TIMEOUT_MS must be a whole number from 100 to 60000 (got "50")',
      ],
      [
        'negative SEARCH_BREAKER_FAILURES',
        { SEARCH_BREAKER_FAILURES: '-1' },
        'SEARCH_BREAKER_FAILURES must be a whole number from 0 to 1000 (got "-1")',
      ],
      [
        'SEARCH_BREAKER_OPEN_MS not a number',
        { SEARCH_BREAKER_OPEN_MS: '10s' },
        'SEARCH_BREAKER_OPEN_MS must be a whole number from 100 to 600000 (got "10s")',
      ],
      [
        'JOBS_RETENTION_DAYS of zero',
        { JOBS_RETENTION_DAYS: '0' },
        'JOBS_RETENTION_DAYS must be a whole number from 1 to 3650 (got "0")',
      ],
    ])('reports %s', (_label, override, problem) => {
      expect(problemsOf({ ...VALID, ...override })).toEqual([problem]);
    });

    it('accepts the PORT bounds 0 and 65535 and a 32-character secret', () => {
      expect(loadConfig({ ...VALID, PORT: '0' }).http.port).toBe(0);
      expect(loadConfig({ ...VALID, PORT: '65535' }).http.port).toBe(65535);
      expect(loadConfig({ ...VALID, JWT_SECRET: 'y'.repeat(32) }).auth.jwtSecret).toBe(
        'y'.repeat(32),
      );
    });

    it('refuses a headers timeout longer than the request timeout', () => {
      expect(
        problemsOf({
          ...VALID,
          HTTP_HEADERS_TIMEOUT_MS: '60000',
          HTTP_REQUEST_TIMEOUT_MS: '30000',
        }),
      ).toEqual(['HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS']);
    });

    it('refuses a client query timeout shorter than the server statement timeout', () => {
      expect(
        problemsOf({ ...VALID, DB_STATEMENT_TIMEOUT_MS: '5000', DB_QUERY_TIMEOUT_MS: '4000' }),
      ).toEqual(['DB_QUERY_TIMEOUT_MS must be 0 or at least DB_STATEMENT_TIMEOUT_MS']);
      expect(loadConfig({ ...VALID, DB_QUERY_TIMEOUT_MS: '0' }).database.pool.queryTimeoutMs).toBe(
        0,
      );
    });

    it('refuses SEED_DEMO=true in production', () => {
      expect(
        problemsOf({ ...VALID, NODE_ENV: 'production', MEILI_MASTER_KEY: 'k', SEED_DEMO: 'true' }),
      ).toEqual(['SEED_DEMO cannot be true when NODE_ENV=production']);
    });
  });

  describe('object storage', () => {
    it('reads an S3-compatible store, path-style by default when an endpoint is given', () => {
      const config = loadConfig({
        ...VALID,
        STORAGE: 's3',
        S3_ENDPOINT: 'http://minio.internal:9000',
        S3_BUCKET: 'lumbung-files',
        S3_ACCESS_KEY_ID: 'lumbung',
        S3_SECRET_ACCESS_KEY: 'rahasia-panjang',
      });
      expect(config.storage.driver).toBe('s3');
      expect(config.storage.s3).toEqual({
        endpoint: 'http://minio.internal:9000',
        bucket: 'lumbung-files',
        region: 'us-east-1',
        credentials: { accessKeyId: 'lumbung', secretAccessKey: 'rahasia-panjang' },
        forcePathStyle: true,
      });
    });

    it('leaves AWS itself virtual-hosted and its credentials to the default chain', () => {
      const config = loadConfig({
        ...VALID,
        STORAGE: 's3',
        S3_BUCKET: 'lumbung-jakarta',
        S3_REGION: 'ap-southeast-3',
      });
      expect(config.storage.s3).toEqual({
        bucket: 'lumbung-jakarta',
        region: 'ap-southeast-3',
        forcePathStyle: false,
      });
    });

    it('ignores S3_* variables on the disk', () => {
      const config = loadConfig({ ...VALID, S3_BUCKET: 'Not A Bucket' });
      expect(config.storage.driver).toBe('disk');
      expect(config.storage.s3).toBeUndefined();
    });

    it('refuses an unknown driver, a missing or invalid bucket, half credentials, a bad endpoint', () => {
      expect(problemsOf({ ...VALID, STORAGE: 'ftp' })).toEqual([
        'STORAGE must be one of disk, s3 (got "ftp")',
      ]);
      expect(problemsOf({ ...VALID, STORAGE: 's3' })).toEqual(['S3_BUCKET is required']);
      expect(
        problemsOf({
          ...VALID,
          STORAGE: 's3',
          S3_BUCKET: 'Lumbung_Files',
          S3_ENDPOINT: 'ftp://minio',
          S3_ACCESS_KEY_ID: 'only-the-id',
          S3_FORCE_PATH_STYLE: 'maybe',
        }),
      ).toEqual([
        'S3_ENDPOINT must be a http: or https: URL',
        'S3_BUCKET must be a valid bucket name (3–63 lower-case letters, digits, . or -)',
        'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all',
        'S3_FORCE_PATH_STYLE must be true or false (got "maybe")',
      ]);
    });
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      MEILI_HOST: 'not a url',
      JWT_SECRET: 'short',
      PORT: 'abc',
      CORS_ORIGINS: 'ftp://files.example',
      NODE_ENV: 'production',
      SEED_DEMO: 'true',
      MEILI_MASTER_KEY: 'k',
    });
    expect([...problems].sort()).toEqual(
      [
        'JWT_SECRET must be at least 32 characters',
        'CORS_ORIGINS has an invalid origin "ftp://files.example" (use scheme://host[:port])',
        'SEED_DEMO cannot be true when NODE_ENV=production',
        'PORT must be a whole number from 0 to 65535 (got "abc")',
        'DATABASE_URL is required',
        'MEILI_HOST must be a http: or https: URL',
      ].sort(),
    );
  });

  it('puts every problem in the error message', () => {
    try {
      loadConfig({ PORT: '70000' });
      throw new Error('loadConfig did not throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).name).toBe('ConfigError');
      const message = (error as Error).message;
      expect(message.startsWith('Invalid configuration:\n  - ')).toBe(true);
      for (const name of ['JWT_SECRET', 'PORT', 'DATABASE_URL', 'MEILI_HOST']) {
        expect(message).toContain(name);
      }
    }
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig({ ...VALID, CORS_ORIGINS: 'https://a.example' });
    expect(Object.isFrozen(config)).toBe(true);
    for (const group of [config.http, config.database, config.search, config.auth, config.log]) {
      expect(Object.isFrozen(group)).toBe(true);
    }
    expect(Object.isFrozen(config.demo)).toBe(true);
    expect(Object.isFrozen(config.http.corsOrigins)).toBe(true);
    expect(() => {
      (config.http as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(() => {
      (config.http.corsOrigins as string[]).push('https://evil.example');
    }).toThrow(TypeError);
    expect(config.http.port).toBe(3000);
    expect(config.http.corsOrigins).toEqual(['https://a.example']);
  });
});
