import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { messageIdFor } from '../notifications.repository';
import type { MailItem } from './mail-templates';

export interface EmailClaim {
  id: string;
  recipientId: string;
  kind: 'instant' | 'digest';
  digestDay: string | null;
  messageId: string;
  /** What the row was before this claim. */
  previous: EmailStatus;
}

export type EmailStatus = 'pending' | 'sending' | 'sent' | 'unconfirmed' | 'cancelled';

/** SQL of notification_emails (owned by this lib) for the worker. */
@Injectable()
export class EmailsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Takes a pending email for sending (status `sending`, attempt counted) in one short
   * transaction, so what a crashed attempt left behind is visible to the next one. An email
   * already `sending` is not taken again: its outcome is unknown and it becomes `unconfirmed`.
   */
  claim(id: string): Promise<EmailClaim | null> {
    return this.ds.transaction(async (tx) => {
      const [row] = await tx.query<(Omit<EmailClaim, 'previous'> & { status: EmailStatus })[]>(
        `SELECT id, recipient_id AS "recipientId", kind, digest_day::text AS "digestDay",
                message_id AS "messageId", status
           FROM notification_emails WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) return null;
      const { status, ...rest } = row;
      if (status === 'pending') {
        await tx.query(
          `UPDATE notification_emails SET status = 'sending', attempts = attempts + 1, sending_at = now()
            WHERE id = $1`,
          [id],
        );
      } else if (status === 'sending') {
        await tx.query(
          `UPDATE notification_emails SET status = 'unconfirmed',
                  last_error = 'the worker stopped after handing it to SMTP and before recording the answer'
            WHERE id = $1`,
          [id],
        );
      }
      return { ...rest, previous: status };
    });
  }

  async markSent(id: string): Promise<void> {
    await this.ds.query(
      `UPDATE notification_emails SET status = 'sent', sent_at = now(), last_error = NULL
        WHERE id = $1 AND status = 'sending'`,
      [id],
    );
  }

  /** The SMTP server refused or could not be reached: nothing was accepted, try again later. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.ds.query(
      `UPDATE notification_emails SET status = 'pending', last_error = $2 WHERE id = $1 AND status = 'sending'`,
      [id, error.slice(0, 2000)],
    );
  }

  async markCancelled(id: string, reason: string): Promise<void> {
    await this.ds.query(
      `UPDATE notification_emails SET status = 'cancelled', last_error = $2 WHERE id = $1`,
      [id, reason],
    );
  }

  /** What the email says: its notification, or every notification its digest carries. */
  async items(id: string): Promise<MailItem[]> {
    return this.ds.query<MailItem[]>(
      `SELECT n.type, n.params, n.link FROM notifications n
         JOIN notification_emails e ON e.id = $1
        WHERE n.id = e.notification_id OR n.digest_email_id = e.id
        ORDER BY n.id`,
      [id],
    );
  }

  /** People with digest notifications not yet in a digest (from the last week). */
  async digestRecipients(): Promise<string[]> {
    const rows = await this.ds.query<{ recipient_id: string }[]>(
      `SELECT DISTINCT recipient_id FROM notifications
        WHERE email_mode = 'digest' AND digest_email_id IS NULL
          AND created_at > now() - interval '7 days'`,
    );
    return rows.map((r) => r.recipient_id);
  }

  /**
   * The day's digest of one person: one email per person and day (a second run that day adds
   * nothing), carrying their digest notifications not yet sent. Null when there was one already.
   */
  async queueDigest(
    tx: EntityManager,
    recipientId: string,
    day: string,
    messageDomain: string,
  ): Promise<string | null> {
    const [row] = await tx.query<{ id: string }[]>(
      `WITH ins AS (
         INSERT INTO notification_emails (recipient_id, kind, digest_day, message_id)
         VALUES ($1, 'digest', $2, $3) ON CONFLICT (recipient_id, digest_day) DO NOTHING RETURNING id)
       SELECT id FROM ins`,
      [recipientId, day, messageIdFor(messageDomain)],
    );
    if (!row) return null;
    await tx.query(
      `UPDATE notifications SET digest_email_id = $2
        WHERE recipient_id = $1 AND email_mode = 'digest' AND digest_email_id IS NULL
          AND created_at > now() - interval '7 days'`,
      [recipientId, row.id],
    );
    return row.id;
  }
}
