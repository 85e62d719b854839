import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/**
 * Recognises the errors pg and TypeORM raise when PostgreSQL cannot answer (down, restarting,
 * paused, connections cut), as opposed to a query that is wrong. Those become 503
 * DATABASE_UNAVAILABLE, which clients may retry, instead of a 500.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** SQLSTATEs of an unavailable server (class 08 is matched by prefix). */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: a fast shutdown terminated the session
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  '57014', // query_canceled: statement_timeout (the server is too slow to answer in time)
]);

/** Messages of pg's client and pool, which carry no code. */
const CLIENT_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Query read timeout/,
  /is not queryable/,
  /^Client was closed and is not queryable/,
  /^Cannot use a pool after calling end/,
  // 55000 with this text: the database refuses connections (ALLOW_CONNECTIONS false, maintenance).
  /is not currently accepting connections/,
];

/**
 * TypeORM's errors for a query runner released under a running transaction: pg reported its
 * connection dead (killed, cut, closed after a query timeout) between two statements, so the next
 * statement finds the runner gone. The transaction did not commit; the database was unreachable.
 */
function isReleasedRunner(error: unknown): boolean {
  return (
    error instanceof QueryRunnerProviderAlreadyReleasedError ||
    error instanceof QueryRunnerAlreadyReleasedError
  );
}

function looksUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  if (isReleasedRunner(error)) return true;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return typeof message === 'string' && CLIENT_MESSAGES.some((re) => re.test(message));
}

/** True when the error (or the driver error TypeORM wrapped) means the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (looksUnavailable(error)) return true;
  const wrapped = error as { driverError?: unknown; cause?: unknown } | null;
  return looksUnavailable(wrapped?.driverError) || looksUnavailable(wrapped?.cause);
}
