import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, JobsService, QUEUES } from '@lumbung/platform';
import { RecipientDirectory } from '@lumbung/identity';
import {
  DEFAULT_PREFERENCES,
  type NotificationParams,
  type NotificationType,
} from './notification-types';
import { NotificationsRepository } from './notifications.repository';
import { delivery } from './preferences/preferences';

/** An event another context announces, in the transaction of the change it is about. */
export interface NotificationEvent {
  type: NotificationType;
  /**
   * Names this occurrence (e.g. `review_decided:<asset>:<time>`): announced twice, it still gives
   * each recipient one notification.
   */
  key: string;
  /** The people to tell, and/or every verifier of an OPD. */
  to: { userIds?: readonly string[]; verifiersOf?: string };
  /** Never told (the person who acted, the authors of what waits for review). */
  except?: readonly string[];
  /** The portal path of the thing (e.g. `/aset/<id>`). */
  link: string;
  params: NotificationParams;
}

/**
 * The port other contexts announce events through. Rows (and the emails they need) are written
 * with the caller's EntityManager, so they commit with the change or not at all; the worker
 * sends the emails later, never the request.
 */
@Injectable()
export class Notifier {
  private readonly messageDomain: string;

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly recipients: RecipientDirectory,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.messageDomain = new URL(config.mail.portalUrl).hostname || 'lumbung.local';
  }

  /** Returns how many people were newly notified. */
  async notify(tx: EntityManager, event: NotificationEvent): Promise<number> {
    const candidates = new Set(event.to.userIds ?? []);
    if (event.to.verifiersOf) {
      for (const id of await this.recipients.verifierIdsOf(tx, event.to.verifiersOf))
        candidates.add(id);
    }
    for (const id of event.except ?? []) candidates.delete(id);
    const ids = await this.recipients.activeIds(tx, [...candidates]);
    if (ids.length === 0) return 0;
    const stored = new Map(
      (await this.repo.preferences(tx, ids))
        .filter((p) => p.type === event.type)
        .map((p) => [p.userId, p]),
    );
    const mailEnabled = Boolean(this.config.mail.smtpUrl);
    const recipients = ids.flatMap((recipientId) => {
      const d = delivery(stored.get(recipientId) ?? DEFAULT_PREFERENCES[event.type], mailEnabled);
      return d ? [{ recipientId, inApp: d.inApp, email: d.email }] : [];
    });
    const inserted = await this.repo.insert(tx, event, recipients);
    const instant = inserted.filter((r) => r.email === 'instant');
    const emailIds = await this.repo.queueInstantEmails(tx, instant, this.messageDomain);
    for (const emailId of emailIds) {
      await this.jobs.enqueue(
        tx,
        QUEUES.notificationEmail,
        { emailId },
        { dedupeKey: `email:${emailId}` },
      );
    }
    return inserted.length;
  }
}
