/*
 * The one place that reads process.env. Every variable is validated once, at start, and the
 * result is a typed, grouped, frozen object. A bad value stops the process with a message that
 * names the variable.
 */
import { join, resolve } from 'node:path';
import {
  LOG_LEVELS,
  readAntivirus,
  readAuth,
  readBackgroundWork,
  readCorsOrigins,
  readDatabase,
  readDemoSeed,
  readHttp,
  readJwtSecret,
  readMail,
  readOidc,
  readSearch,
  readStorage,
  readUsage,
} from './config-sections';
import type { AppConfig, NodeEnv } from './config-types';
import { type Env, EnvReader } from './env-reader';

export type { AppConfig, NodeEnv, OidcConfig, S3Config } from './config-types';

/** Every problem of the environment at once, each naming its variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment and returns the configuration, or throws ConfigError listing every problem. */
export function loadConfig(env: Env = process.env): AppConfig {
  const r = new EnvReader(env);
  const nodeEnv = r.oneOf<NodeEnv>(
    'NODE_ENV',
    ['development', 'production', 'test'],
    'development',
  );
  const production = nodeEnv === 'production';
  // Read before the sections, in this order, which is the order their problems are listed in.
  const jwtSecret = readJwtSecret(r);
  const corsOrigins = readCorsOrigins(r);
  const demoSeed = readDemoSeed(r, production);
  const localLogin = r.bool('LOCAL_LOGIN', true);
  const logLevel = r.oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'warn' : 'info');
  const port = r.int('PORT', 3000, 0, 65535);
  const config: AppConfig = {
    env: nodeEnv,
    http: readHttp(r, port, corsOrigins),
    database: readDatabase(r, production),
    search: readSearch(r, production),
    auth: readAuth(r, jwtSecret, production),
    sso: { localLogin, ...readOidc(r, production, localLogin) },
    log: {
      level: logLevel,
      format: r.oneOf<'json' | 'pretty'>('LOG_FORMAT', ['json', 'pretty'], 'json'),
    },
    storage: readStorage(r),
    ...readBackgroundWork(r),
    antivirus: readAntivirus(r),
    demo: { seed: demoSeed, password: r.string('DEMO_PASSWORD', 'Lumbung#2025') },
    web: { distDir: resolve(r.raw('WEB_DIST_DIR') ?? join('apps', 'web', 'dist')) },
    usage: readUsage(r),
    mail: readMail(r, production, port),
  };
  checkAcrossVariables(r, config);
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return deepFreeze(config);
}

/** Rules that tie one variable to another (each variable's own range is checked as it is read). */
function checkAcrossVariables(r: EnvReader, config: AppConfig): void {
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
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child as object);
  }
  return Object.freeze(value);
}
