/**
 * Codes of CoPs, membership and meetings. The one place this lib's error codes are written:
 * errors are made with these constants, and test/structure/error-codes.mjs fails on a code
 * written as a literal elsewhere or registered by two libs.
 */
export const CommunityErrorCode = {
  UNKNOWN_USERS: 'UNKNOWN_USERS',
  DUPLICATE_MEETING: 'DUPLICATE_MEETING',
  MEETING_IN_FUTURE: 'MEETING_IN_FUTURE',
  UNKNOWN_OUTPUT_ASSETS: 'UNKNOWN_OUTPUT_ASSETS',
  DUPLICATE_COP: 'DUPLICATE_COP',
  NOT_A_COP_MEMBER: 'NOT_A_COP_MEMBER',
  ALREADY_A_MEMBER: 'ALREADY_A_MEMBER',
  JOIN_REQUEST_DECIDED: 'JOIN_REQUEST_DECIDED',
  ATTENDANCE_SHEET_UNREADABLE: 'ATTENDANCE_SHEET_UNREADABLE',
} as const;

export type CommunityErrorCode = (typeof CommunityErrorCode)[keyof typeof CommunityErrorCode];
