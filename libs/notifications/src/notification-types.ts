/**
 * What a person can be told about (issue 19 item 3). Each type has its own preferences; the
 * defaults keep email quiet where a type is noisy (a CoP's meetings) or comes in bursts for
 * verifiers (submissions, re-verifications: a daily digest).
 */
export const NOTIFICATION_TYPES = [
  'review_decided',
  'review_waiting',
  'reverification_due',
  'named_contributor',
  'cop_meeting_logged',
  'retention_interview_due',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** How a type reaches someone by email: not at all, one email each, or in the daily digest. */
export const EMAIL_MODES = ['off', 'instant', 'digest'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export interface Preference {
  inApp: boolean;
  email: EmailMode;
}

export const DEFAULT_PREFERENCES: Readonly<Record<NotificationType, Preference>> = {
  review_decided: { inApp: true, email: 'instant' },
  review_waiting: { inApp: true, email: 'digest' },
  reverification_due: { inApp: true, email: 'digest' },
  named_contributor: { inApp: true, email: 'instant' },
  cop_meeting_logged: { inApp: true, email: 'off' },
  retention_interview_due: { inApp: true, email: 'instant' },
};

/**
 * What the message says, filled in by the context that announces the event. Only what every
 * recipient may read: titles of assets they can open, the CoP's name and topic for its members.
 */
export interface NotificationParams {
  assetTitle?: string;
  /** review_decided: what the verifier decided. */
  decision?: 'approved' | 'rejected';
  /** review_decided: the verifier's comment, if any. */
  comment?: string;
  /** review_waiting: a new submission or an edit of a published asset. */
  revision?: boolean;
  /** named_contributor: as co-author or as narasumber. */
  role?: 'author' | 'narasumber';
  copName?: string;
  meetingTopic?: string;
  /** reverification_due, retention_interview_due: the calendar day (YYYY-MM-DD). */
  dueDate?: string;
  /** retention_interview_due: whose knowledge the interview keeps. */
  personName?: string;
}

export function isNotificationType(value: unknown): value is NotificationType {
  return typeof value === 'string' && (NOTIFICATION_TYPES as readonly string[]).includes(value);
}
