/**
 * Codes of the bell and its preferences. The one place this lib's error codes are written:
 * errors are made with these constants, and test/structure/error-codes.mjs fails on a code
 * written as a literal elsewhere or registered by two libs.
 */
export const NotificationsErrorCode = {
  NOTIFICATION_TYPE_REPEATED: 'NOTIFICATION_TYPE_REPEATED',
} as const;

export type NotificationsErrorCode =
  (typeof NotificationsErrorCode)[keyof typeof NotificationsErrorCode];
