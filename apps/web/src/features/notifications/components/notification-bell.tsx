import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { $api } from '@/lib/api/client';
import classes from './notification-bell.module.css';

/** How often the bell asks for the unread count while the portal is open. */
const REFRESH_MS = 60_000;

/**
 * The bell in the header: a link to Notifikasi whose accessible name carries the unread count
 * ("Notifikasi (3 belum dibaca)"). Kept tiny (an inline icon, one small query): the list itself
 * is the lazily loaded page.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const count = $api.useQuery('get', '/api/v1/notifications/unread-count', undefined, {
    refetchInterval: REFRESH_MS,
  });
  const unread = count.data?.unread ?? 0;
  const label = unread > 0 ? t('nav.notificationsUnread', { n: unread }) : t('nav.notifications');
  return (
    <Link to="/notifikasi" className={classes.bell} aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
        />
      </svg>
      {unread > 0 && (
        <span className={classes.count} aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
