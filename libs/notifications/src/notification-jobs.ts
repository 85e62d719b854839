import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { JobRunner, QUEUES } from '@lumbung/platform';
import { EmailSender } from './mail/email-sender';
import { DailyNotifications } from './schedule/daily-notifications';

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
      queue: QUEUES.notificationEmail,
      handle: async (payload) => {
        if (typeof payload.emailId === 'string') await this.sender.send(payload.emailId);
      },
    });
    this.runner.register({
      queue: QUEUES.notificationsDaily,
      handle: () => this.daily.run(),
    });
  }

  /** Every worker makes sure the next daily run is queued (one per day, whoever queues it). */
  async onApplicationBootstrap(): Promise<void> {
    await this.daily.scheduleNext();
  }
}
