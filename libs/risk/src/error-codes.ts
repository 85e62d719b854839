/**
 * Codes of the knowledge-at-risk register and retention plans. The one place this lib's error codes are written:
 * errors are made with these constants, and test/structure/error-codes.mjs fails on a code
 * written as a literal elsewhere or registered by two libs.
 */
export const RiskErrorCode = {
  PERSON_NOT_HIGH_RISK: 'PERSON_NOT_HIGH_RISK',
  RETENTION_PLAN_EXISTS: 'RETENTION_PLAN_EXISTS',
  INVALID_PLAN_TRANSITION: 'INVALID_PLAN_TRANSITION',
} as const;

export type RiskErrorCode = (typeof RiskErrorCode)[keyof typeof RiskErrorCode];
