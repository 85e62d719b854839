import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** OPD directory, users with scoped roles, login sessions, login throttling, audit log. */
export class Identity1764460800000 implements MigrationInterface {
  name = 'Identity1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_meta (
        key varchar(100) PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE opds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(16) NOT NULL,
        name varchar(200) NOT NULL,
        headcount integer NOT NULL DEFAULT 0 CHECK (headcount >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_opds_code" UNIQUE (code),
        CONSTRAINT "CHK_opds_code" CHECK (code ~ '^[A-Z][A-Z0-9]{1,15}$')
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nip char(18) NOT NULL,
        name varchar(200) NOT NULL,
        email varchar(254) NOT NULL,
        opd_id uuid NOT NULL REFERENCES opds(id),
        jabatan varchar(200) NOT NULL,
        jabatan_kategori varchar(32) NOT NULL CHECK (jabatan_kategori IN
          ('administrasi','pimpinan_tinggi','fungsional_ahli_madya','fungsional_ahli_utama','fungsional_lain')),
        birth_date date NOT NULL,
        sex varchar(6) NOT NULL CHECK (sex IN ('male','female')),
        active boolean NOT NULL DEFAULT true,
        service_account boolean NOT NULL DEFAULT false,
        password_hash text,
        password_changed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_users_nip" UNIQUE (nip),
        CONSTRAINT "CHK_users_nip" CHECK (nip ~ '^[0-9]{18}$'),
        CONSTRAINT "CHK_users_email" CHECK (email = lower(email))
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_users_email" ON users (email)`);
    await q.query(`CREATE INDEX "IDX_users_opd" ON users (opd_id)`);
    await q.query(`
      CREATE TABLE user_roles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role varchar(32) NOT NULL CHECK (role IN ('asn','verifier','cop_lead','opd_admin','assessor','admin')),
        opd_id uuid REFERENCES opds(id),
        cop_id uuid,
        granted_at timestamptz NOT NULL DEFAULT now(),
        granted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT "CHK_user_roles_scope" CHECK (
          (role IN ('verifier','opd_admin') AND opd_id IS NOT NULL AND cop_id IS NULL) OR
          (role = 'cop_lead' AND cop_id IS NOT NULL AND opd_id IS NULL) OR
          (role IN ('asn','assessor','admin') AND opd_id IS NULL AND cop_id IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_user_roles_grant" ON user_roles (user_id, role, opd_id, cop_id) NULLS NOT DISTINCT`,
    );
    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        refresh_hash char(64) NOT NULL,
        previous_refresh_hash char(64),
        rotated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoke_reason varchar(32),
        ip varchar(64),
        user_agent varchar(300)
      )`);
    await q.query(`CREATE INDEX "IDX_auth_sessions_user" ON auth_sessions (user_id)`);
    await q.query(`
      CREATE TABLE auth_login_failures (
        key varchar(400) PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        action varchar(64) NOT NULL,
        target_type varchar(32),
        target_id varchar(64),
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        ip varchar(64),
        request_id varchar(64)
      )`);
    await q.query(`CREATE INDEX "IDX_audit_log_at" ON audit_log (at)`);
    // The audit log is append-only: refuse UPDATE and DELETE at the database itself.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER "TRG_audit_log_append_only" BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only`);
    await q.query(`DROP TABLE auth_login_failures`);
    await q.query(`DROP TABLE auth_sessions`);
    await q.query(`DROP TABLE user_roles`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE opds`);
    await q.query(`DROP TABLE app_meta`);
  }
}
