export * from './notification-types';
export * from './notifications.module';
export * from './notifications-http.module';
export * from './notifications-worker.module';
export { Notifier, type NotificationEvent } from './notifier';
export { NotificationScans, type DueScan } from './schedule/notification-scans';
export { DailyNotifications } from './schedule/daily-notifications';
export { MAIL_TRANSPORT, type MailTransport, type OutgoingMail } from './mail/mail-transport';
export * from './error-codes';
