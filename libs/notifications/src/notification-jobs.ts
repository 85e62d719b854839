import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { JobRunner } from '@lumbung/platform';
import { EmailSender } from './mail/email-sender';
import { NOTIFICATION_EMAIL_QUEUE } from './notifier';
import { DailyNotifications, NOTIFICATIONS_DAILY_QUEUE } from './schedule/daily-notifications';

/** The worker side: sends queued emails and runs the daily scans and digests. */
@Injectable()
export class NotificationJobs implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly runner: JobRunner,
    private readonly sender: EmailSender,
    private readonly daily: DailyNotifications,
  ) {}

  onModuleInit(): void {
    this.runner.register({
      queue: NOTIFICATION_EMAIL_QUEUE,
      handle: async (payload) => {
        if (typeof payload.emailId === 'string') await this.sender.send(payload.emailId);
      },
    });
    this.runner.register({
      queue: NOTIFICATIONS_DAILY_QUEUE,
      handle: () => this.daily.run(),
    });
  }

  /** Every worker makes sure the next daily run is queued (one per day, whoever queues it). */
  async onApplicationBootstrap(): Promise<void> {
    await this.daily.scheduleNext();
  }
}
