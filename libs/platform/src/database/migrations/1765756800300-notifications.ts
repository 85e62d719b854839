import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (libs/notifications owns these tables): one row per recipient and event (the
 * unique key makes an announced event land once), each person's per-type preferences, and the
 * emails the worker sends from them. An email keeps its Message-ID from the moment it is queued,
 * and its status says whether a send was started (`sending`) or recorded as accepted (`sent`).
 */
export class Notifications1765756800300 implements MigrationInterface {
  name = 'Notifications1765756800300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        recipient_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type varchar(40) NOT NULL,
        event_key varchar(200) NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        link varchar(500) NOT NULL,
        in_app boolean NOT NULL,
        email_mode varchar(8) NOT NULL CHECK (email_mode IN ('off', 'instant', 'digest')),
        digest_email_id bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT "UQ_notifications_event" UNIQUE (recipient_id, event_key)
      )`);
    await q.query(
      `CREATE INDEX "IDX_notifications_inbox" ON notifications (recipient_id, id DESC) WHERE in_app`,
    );
    await q.query(
      `CREATE INDEX "IDX_notifications_unread" ON notifications (recipient_id) WHERE in_app AND read_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_notifications_digest" ON notifications (created_at)
        WHERE email_mode = 'digest' AND digest_email_id IS NULL`,
    );
    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type varchar(40) NOT NULL,
        in_app boolean NOT NULL,
        email_mode varchar(8) NOT NULL CHECK (email_mode IN ('off', 'instant', 'digest')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, type)
      )`);
    await q.query(`
      CREATE TABLE notification_emails (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        recipient_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar(8) NOT NULL CHECK (kind IN ('instant', 'digest')),
        notification_id bigint UNIQUE REFERENCES notifications(id) ON DELETE CASCADE,
        digest_day date,
        message_id varchar(200) NOT NULL UNIQUE,
        status varchar(12) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sending', 'sent', 'unconfirmed', 'cancelled')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sending_at timestamptz,
        sent_at timestamptz,
        CONSTRAINT "UQ_notification_emails_digest" UNIQUE (recipient_id, digest_day),
        CHECK ((kind = 'instant') = (notification_id IS NOT NULL)),
        CHECK ((kind = 'digest') = (digest_day IS NOT NULL))
      )`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT "FK_notifications_digest"
         FOREIGN KEY (digest_email_id) REFERENCES notification_emails(id) ON DELETE SET NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT "FK_notifications_digest"`);
    await q.query(`DROP TABLE notification_emails`);
    await q.query(`DROP TABLE notification_preferences`);
    await q.query(`DROP TABLE notifications`);
  }
}
