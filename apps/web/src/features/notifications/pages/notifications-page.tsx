import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/page-header';
import { NotificationList } from '../components/notification-list';
import { PreferencesForm } from '../components/preferences-form';
import classes from './notifications-page.module.css';

/** Notifikasi: what happened (read and unread, each a link), and how to be told. */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <div className={classes.layout}>
        <div className={classes.main}>
          <NotificationList />
        </div>
        <div className={classes.side}>
          <PreferencesForm />
        </div>
      </div>
    </>
  );
}
