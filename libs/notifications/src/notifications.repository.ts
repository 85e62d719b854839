import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { EmailMode, NotificationParams, NotificationType } from './notification-types';
import type { StoredPreference } from './preferences/preferences';

export interface NotificationRow {
  id: string;
  type: NotificationType;
  params: NotificationParams;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

export interface NewNotification {
  recipientId: string;
  inApp: boolean;
  email: EmailMode;
}

const COLUMNS = `id, type, params, link, created_at AS "createdAt", read_at AS "readAt"`;

/** The notification tables' SQL (this lib owns them; nothing else writes them). */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async preferences(
    m: EntityManager = this.ds.manager,
    userIds: readonly string[],
  ): Promise<(StoredPreference & { userId: string })[]> {
    if (userIds.length === 0) return [];
    return m.query(
      `SELECT user_id AS "userId", type, in_app AS "inApp", email_mode AS email
         FROM notification_preferences WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    );
  }

  async savePreferences(userId: string, prefs: readonly StoredPreference[]): Promise<void> {
    if (prefs.length === 0) return;
    await this.ds.query(
      `INSERT INTO notification_preferences (user_id, type, in_app, email_mode)
       SELECT $1, t, i, e FROM unnest($2::text[], $3::bool[], $4::text[]) AS p(t, i, e)
       ON CONFLICT (user_id, type) DO UPDATE
          SET in_app = EXCLUDED.in_app, email_mode = EXCLUDED.email_mode, updated_at = now()`,
      [userId, prefs.map((p) => p.type), prefs.map((p) => p.inApp), prefs.map((p) => p.email)],
    );
  }

  /**
   * One row per recipient; a recipient who already has this event key gets nothing new (an event
   * announced twice lands once). Returns the rows actually inserted.
   */
  async insert(
    m: EntityManager,
    event: { type: NotificationType; key: string; params: NotificationParams; link: string },
    recipients: readonly NewNotification[],
  ): Promise<{ id: string; recipientId: string; email: EmailMode }[]> {
    if (recipients.length === 0) return [];
    return m.query(
      `WITH ins AS (
         INSERT INTO notifications (recipient_id, type, event_key, params, link, in_app, email_mode)
         SELECT r, $2, $3, $4, $5, i, e FROM unnest($1::uuid[], $6::bool[], $7::text[]) AS x(r, i, e)
         ON CONFLICT (recipient_id, event_key) DO NOTHING
         RETURNING id, recipient_id, email_mode)
       SELECT id, recipient_id AS "recipientId", email_mode AS email FROM ins ORDER BY id`,
      [
        recipients.map((r) => r.recipientId),
        event.type,
        event.key,
        JSON.stringify(event.params),
        event.link,
        recipients.map((r) => r.inApp),
        recipients.map((r) => r.email),
      ],
    );
  }

  /** Queues one email per notification, each with the Message-ID it will always carry. */
  async queueInstantEmails(
    m: EntityManager,
    rows: readonly { id: string; recipientId: string }[],
    messageDomain: string,
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const out = await m.query<{ id: string }[]>(
      `INSERT INTO notification_emails (recipient_id, kind, notification_id, message_id)
       SELECT r, 'instant', n, m FROM unnest($1::uuid[], $2::bigint[], $3::text[]) AS x(r, n, m)
       RETURNING id`,
      [
        rows.map((r) => r.recipientId),
        rows.map((r) => r.id),
        rows.map(() => messageIdFor(messageDomain)),
      ],
    );
    return out.map((r) => r.id);
  }

  async page(
    userId: string,
    unreadOnly: boolean,
    page: number,
    limit: number,
  ): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
    const [items, [counts]] = await Promise.all([
      this.ds.query<NotificationRow[]>(
        `SELECT ${COLUMNS} FROM notifications
          WHERE recipient_id = $1 AND in_app AND (NOT $2 OR read_at IS NULL)
          ORDER BY id DESC LIMIT $3 OFFSET $4`,
        [userId, unreadOnly, limit, (page - 1) * limit],
      ),
      this.ds.query<{ total: number; unread: number }[]>(
        `SELECT count(*) FILTER (WHERE NOT $2 OR read_at IS NULL)::int AS total,
                count(*) FILTER (WHERE read_at IS NULL)::int AS unread
           FROM notifications WHERE recipient_id = $1 AND in_app`,
        [userId, unreadOnly],
      ),
    ]);
    return { items, total: counts.total, unread: counts.unread };
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ n }] = await this.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notifications
        WHERE recipient_id = $1 AND in_app AND read_at IS NULL`,
      [userId],
    );
    return n;
  }

  /** Marks one of the user's notifications read (first read time kept); null when not theirs. */
  async markRead(userId: string, id: string): Promise<NotificationRow | null> {
    const rows = await this.ds.query<NotificationRow[]>(
      `WITH u AS (
         UPDATE notifications SET read_at = COALESCE(read_at, now())
          WHERE id = $2 AND recipient_id = $1 AND in_app RETURNING ${COLUMNS})
       SELECT * FROM u`,
      [userId, id],
    );
    return rows[0] ?? null;
  }

  async markAllRead(userId: string): Promise<void> {
    await this.ds.query(
      `UPDATE notifications SET read_at = now()
        WHERE recipient_id = $1 AND in_app AND read_at IS NULL`,
      [userId],
    );
  }
}

/** A globally unique Message-ID, made once when an email is queued and reused by every attempt. */
export function messageIdFor(domain: string): string {
  return `<${randomUUID()}@${domain}>`;
}
