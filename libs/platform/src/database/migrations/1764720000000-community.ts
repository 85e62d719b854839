import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Communities of practice, membership history, the meeting log (attendees with their OPD on the
 * meeting date, outputs, evidence files), and each user's OPD history that makes that possible.
 */
export class Community1764720000000 implements MigrationInterface {
  name = 'Community1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_opd_history (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        opd_id uuid NOT NULL REFERENCES opds(id),
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        PRIMARY KEY (user_id, valid_from),
        CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_user_opd_history_current" ON user_opd_history (user_id) WHERE valid_to IS NULL`,
    );
    // Everyone's history so far: their current OPD, since ever.
    await q.query(
      `INSERT INTO user_opd_history (user_id, opd_id, valid_from) SELECT id, opd_id, '-infinity' FROM users`,
    );
    // Kept by the database itself, so every path that moves a user (API, import) records it.
    await q.query(`
      CREATE FUNCTION users_opd_history() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO user_opd_history (user_id, opd_id, valid_from) VALUES (NEW.id, NEW.opd_id, '-infinity');
        ELSIF NEW.opd_id IS DISTINCT FROM OLD.opd_id THEN
          UPDATE user_opd_history SET valid_to = now() WHERE user_id = NEW.id AND valid_to IS NULL;
          INSERT INTO user_opd_history (user_id, opd_id, valid_from) VALUES (NEW.id, NEW.opd_id, now());
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER "TRG_users_opd_history" AFTER INSERT OR UPDATE OF opd_id ON users
      FOR EACH ROW EXECUTE FUNCTION users_opd_history()`);

    await q.query(`
      CREATE TABLE cops (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        theme varchar(200) NOT NULL,
        opd_id uuid NOT NULL REFERENCES opds(id),
        description text NOT NULL DEFAULT '',
        status varchar(12) NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'tidak_aktif')),
        sk_reference varchar(200),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_cops_opd_name" ON cops (opd_id, lower(name))`);
    await q.query(`
      CREATE TABLE cop_memberships (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        cop_id uuid NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        joined_at timestamptz NOT NULL DEFAULT now(),
        left_at timestamptz,
        added_by uuid REFERENCES users(id) ON DELETE SET NULL,
        removed_by uuid REFERENCES users(id) ON DELETE SET NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_cop_memberships_current" ON cop_memberships (cop_id, user_id) WHERE left_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_cop_memberships_user" ON cop_memberships (user_id) WHERE left_at IS NULL`,
    );
    await q.query(
      `ALTER TABLE user_roles ADD CONSTRAINT "FK_user_roles_cop" FOREIGN KEY (cop_id) REFERENCES cops(id) ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE assets ADD CONSTRAINT "FK_assets_cop" FOREIGN KEY (cop_id) REFERENCES cops(id)`,
    );

    await q.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cop_id uuid NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        held_at timestamptz NOT NULL,
        held_date_wib date NOT NULL,
        year smallint NOT NULL,
        quarter smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        mode varchar(8) NOT NULL CHECK (mode IN ('luring', 'daring', 'hibrida')),
        topic varchar(300) NOT NULL,
        topic_norm varchar(300) NOT NULL,
        agenda text NOT NULL DEFAULT '',
        minutes text NOT NULL DEFAULT '',
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 720),
        guest_count integer NOT NULL DEFAULT 0 CHECK (guest_count BETWEEN 0 AND 10000),
        seci_mode varchar(16) CHECK (seci_mode IN ('sosialisasi','eksternalisasi','kombinasi','internalisasi')),
        minutes_visibility varchar(8) NOT NULL DEFAULT 'cop' CHECK (minutes_visibility IN ('cop', 'internal')),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        minutes_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_meetings_cop_day_topic" ON meetings (cop_id, held_date_wib, topic_norm)`,
    );
    await q.query(`CREATE INDEX "IDX_meetings_cop_period" ON meetings (cop_id, year, quarter)`);
    await q.query(`
      CREATE TABLE meeting_attendees (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        opd_id uuid NOT NULL REFERENCES opds(id),
        PRIMARY KEY (meeting_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE meeting_outputs (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        PRIMARY KEY (meeting_id, asset_id)
      )`);
    // Evidence files go through the same attachment pipeline as assets.
    await q.query(`ALTER TABLE attachments ALTER COLUMN asset_id DROP NOT NULL`);
    await q.query(
      `ALTER TABLE attachments ADD COLUMN meeting_id uuid REFERENCES meetings(id) ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE attachments ADD CONSTRAINT "CHK_attachments_owner" CHECK ((asset_id IS NULL) <> (meeting_id IS NULL))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_attachments_meeting_sha256" ON attachments (meeting_id, sha256) WHERE meeting_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM attachments WHERE meeting_id IS NOT NULL`);
    await q.query(`ALTER TABLE attachments DROP CONSTRAINT "CHK_attachments_owner"`);
    await q.query(`ALTER TABLE attachments DROP COLUMN meeting_id`);
    await q.query(`ALTER TABLE attachments ALTER COLUMN asset_id SET NOT NULL`);
    await q.query(`DROP TABLE meeting_outputs`);
    await q.query(`DROP TABLE meeting_attendees`);
    await q.query(`DROP TABLE meetings`);
    await q.query(`ALTER TABLE assets DROP CONSTRAINT "FK_assets_cop"`);
    await q.query(`ALTER TABLE user_roles DROP CONSTRAINT "FK_user_roles_cop"`);
    await q.query(`DROP TABLE cop_memberships`);
    await q.query(`DROP TABLE cops`);
    await q.query(`DROP TRIGGER "TRG_users_opd_history" ON users`);
    await q.query(`DROP FUNCTION users_opd_history`);
    await q.query(`DROP TABLE user_opd_history`);
  }
}
