import { Module } from '@nestjs/common';
import { IdentityModule } from '@lumbung/identity';
import { NotificationsRepository } from './notifications.repository';
import { Notifier } from './notifier';
import { NotificationScans } from './schedule/notification-scans';

/**
 * Notifications (issue 19 item 3), no HTTP: the port other contexts announce events through,
 * in their own transaction, and the registry of their daily due scans.
 */
@Module({
  imports: [IdentityModule],
  providers: [NotificationsRepository, Notifier, NotificationScans],
  exports: [Notifier, NotificationScans, NotificationsRepository],
})
export class NotificationsModule {}
