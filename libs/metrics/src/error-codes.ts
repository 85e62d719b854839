/**
 * Codes of endorsements, reuse reports, shares and metric queries. The one place this lib's error codes are written:
 * errors are made with these constants, and test/structure/error-codes.mjs fails on a code
 * written as a literal elsewhere or registered by two libs.
 */
export const MetricsErrorCode = {
  OWN_ASSET: 'OWN_ASSET',
  ASSET_NOT_PUBLISHED: 'ASSET_NOT_PUBLISHED',
  VIEW_REQUIRED: 'VIEW_REQUIRED',
  REUSE_REPORT_EXISTS: 'REUSE_REPORT_EXISTS',
  INVALID_PERIOD: 'INVALID_PERIOD',
  INVALID_IDEMPOTENCY_KEY: 'INVALID_IDEMPOTENCY_KEY',
} as const;

export type MetricsErrorCode = (typeof MetricsErrorCode)[keyof typeof MetricsErrorCode];
