import {
  DEFAULT_PREFERENCES,
  type EmailMode,
  NOTIFICATION_TYPES,
  type NotificationType,
  type Preference,
} from '../notification-types';

/** A stored preference row (absent types take their default). */
export interface StoredPreference {
  type: string;
  inApp: boolean;
  email: EmailMode;
}

/** Every type with what applies to this person: their choice, or the default. */
export function effectivePreferences(
  stored: readonly StoredPreference[],
): { type: NotificationType; inApp: boolean; email: EmailMode }[] {
  const byType = new Map(stored.map((p) => [p.type, p]));
  return NOTIFICATION_TYPES.map((type) => {
    const own = byType.get(type);
    return { type, ...(own ? { inApp: own.inApp, email: own.email } : DEFAULT_PREFERENCES[type]) };
  });
}

/**
 * How one event reaches one person: null when not at all (no bell, no email). Without mail
 * configured, nothing is marked for email, so a later SMTP_URL does not send old news.
 */
export function delivery(pref: Preference, mailEnabled: boolean): Preference | null {
  const email: EmailMode = mailEnabled ? pref.email : 'off';
  if (!pref.inApp && email === 'off') return null;
  return { inApp: pref.inApp, email };
}
