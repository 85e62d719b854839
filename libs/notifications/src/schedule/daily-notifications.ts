import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, JobsService, wibDay, QUEUES } from '@lumbung/platform';
import { EmailsRepository } from '../mail/emails.repository';
import { nextDailyRun } from './daily-run';
import { NotificationScans } from './notification-scans';

/** The daily job (`notifications.daily`): due scans, then the digests, then the next day's run. */
@Injectable()
export class DailyNotifications {
  private readonly logger = new Logger('Notifications');
  private readonly messageDomain: string;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scans: NotificationScans,
    private readonly emails: EmailsRepository,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.messageDomain = new URL(config.mail.portalUrl).hostname || 'lumbung.local';
  }

  /**
   * Queues the next daily run (one per WIB day: the dedupe key names the day), so however many
   * workers start, and however often, one chain of daily jobs exists.
   */
  async scheduleNext(now = new Date()): Promise<void> {
    const runAt = nextDailyRun(now, this.config.mail.digestHourWib);
    await this.jobs.enqueue(
      this.ds.manager,
      QUEUES.notificationsDaily,
      {},
      { dedupeKey: `daily:${wibDay(runAt)}`, runAt },
    );
  }

  /** Every scan, then the digests. A failed scan fails the job (retried; all steps idempotent). */
  async run(now = new Date()): Promise<void> {
    await this.scheduleNext(now);
    const failed: string[] = [];
    for (const scan of this.scans.all()) {
      try {
        await scan.run();
      } catch (err) {
        failed.push(scan.name);
        this.logger.error({ err, scan: scan.name }, 'daily notification scan failed');
      }
    }
    await this.queueDigests(wibDay(now));
    if (failed.length > 0) throw new Error(`daily scans failed: ${failed.join(', ')}`);
  }

  /** One digest email per person with digest notifications waiting (one per person and day). */
  async queueDigests(day: string): Promise<number> {
    if (!this.config.mail.smtpUrl) return 0;
    let queued = 0;
    for (const recipientId of await this.emails.digestRecipients()) {
      await this.ds.transaction(async (tx) => {
        const emailId = await this.emails.queueDigest(tx, recipientId, day, this.messageDomain);
        if (!emailId) return;
        await this.jobs.enqueue(
          tx,
          QUEUES.notificationEmail,
          { emailId },
          { dedupeKey: `email:${emailId}` },
        );
        queued++;
      });
    }
    return queued;
  }
}
