/**
 * Codes of award years and their results. The one place this lib's error codes are written:
 * errors are made with these constants, and test/structure/error-codes.mjs fails on a code
 * written as a literal elsewhere or registered by two libs.
 */
export const AwardErrorCode = {
  AWARD_YEAR_EXISTS: 'AWARD_YEAR_EXISTS',
  AWARD_YEAR_FINALIZED: 'AWARD_YEAR_FINALIZED',
  AWARD_YEAR_NOT_FINALIZED: 'AWARD_YEAR_NOT_FINALIZED',
} as const;

export type AwardErrorCode = (typeof AwardErrorCode)[keyof typeof AwardErrorCode];
