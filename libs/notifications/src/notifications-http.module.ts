import { Module } from '@nestjs/common';
import { NotificationsController } from './inbox/notifications.controller';
import { NotificationsService } from './inbox/notifications.service';
import { NotificationsModule } from './notifications.module';

/** GET/POST/PUT /notifications: the bell, read state and preferences. */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService],
})
export class NotificationsHttpModule {}
