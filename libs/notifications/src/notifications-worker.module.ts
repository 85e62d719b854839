import { Module } from '@nestjs/common';
import { APP_CONFIG } from '@lumbung/platform';
import { IdentityModule } from '@lumbung/identity';
import { EmailSender } from './mail/email-sender';
import { EmailsRepository } from './mail/emails.repository';
import { MAIL_TRANSPORT, smtpTransport } from './mail/mail-transport';
import { NotificationJobs } from './notification-jobs';
import { NotificationsModule } from './notifications.module';
import { DailyNotifications } from './schedule/daily-notifications';

/** The worker's part: email sending from the outbox, daily scans and digests. */
@Module({
  imports: [NotificationsModule, IdentityModule],
  providers: [
    EmailsRepository,
    EmailSender,
    DailyNotifications,
    NotificationJobs,
    { provide: MAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: smtpTransport },
  ],
  exports: [DailyNotifications, EmailSender],
})
export class NotificationsWorkerModule {}
