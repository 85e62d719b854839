import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_CATEGORIES = `('administrasi','pimpinan_tinggi','fungsional_ahli_madya','fungsional_ahli_utama','fungsional_lain')`;
const CATEGORIES = `('administrasi','pimpinan_tinggi','fungsional_ahli_pertama','fungsional_ahli_muda',
  'fungsional_ahli_madya','fungsional_ahli_utama','fungsional_keterampilan','fungsional_lain')`;
/** The birth date digits 1–8 of the NIP hold (make_date is immutable, so a CHECK may use it). */
const NIP_BIRTH_DATE = `make_date(substr(nip, 1, 4)::int, substr(nip, 5, 2)::int, substr(nip, 7, 2)::int)`;

/**
 * Knowledge at risk (the rules: libs/risk/README.md).
 *
 * Identity: the position categories that decide the retirement age (BUP) get the functional
 * levels by name; a user's birth date is the one in their NIP (rows that disagreed are corrected,
 * then a CHECK keeps it so); an OPD admin may record a planned departure (date, reason, note).
 *
 * Risk (libs/risk): declared expertise topics, criticality overrides (append-only history with
 * reason, who and when), retention plans with their state, and every move of a plan.
 */
export class KnowledgeRisk1765324800000 implements MigrationInterface {
  name = 'KnowledgeRisk1765324800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_jabatan_kategori_check`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT "CHK_users_jabatan_kategori" CHECK (jabatan_kategori IN ${CATEGORIES})`,
    );
    await q.query(`UPDATE users SET birth_date = ${NIP_BIRTH_DATE}
                    WHERE birth_date IS DISTINCT FROM ${NIP_BIRTH_DATE}`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT "CHK_users_birth_date_nip" CHECK (birth_date = ${NIP_BIRTH_DATE})`,
    );
    await q.query(`
      ALTER TABLE users
        ADD COLUMN planned_departure_on date,
        ADD COLUMN planned_departure_reason varchar(24)
          CHECK (planned_departure_reason IN ('mutasi','pindah_instansi','pensiun_dini','akhir_kontrak_pppk')),
        ADD COLUMN planned_departure_note varchar(500),
        ADD CONSTRAINT "CHK_users_planned_departure" CHECK (
          (planned_departure_on IS NULL) = (planned_departure_reason IS NULL)
          AND (planned_departure_note IS NULL OR planned_departure_on IS NOT NULL))`);

    await q.query(`
      CREATE TABLE expertise_declarations (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        declared_as varchar(10) NOT NULL CHECK (declared_as IN ('self', 'opd_admin')),
        topic varchar(40) NOT NULL CHECK (topic <> '' AND topic = lower(topic)),
        declared_by uuid REFERENCES users(id) ON DELETE SET NULL,
        declared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, declared_as, topic)
      )`);
    await q.query(
      `CREATE INDEX "IDX_expertise_declarations_topic" ON expertise_declarations (topic)`,
    );

    await q.query(`
      CREATE TABLE criticality_overrides (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        value smallint CHECK (value BETWEEN 1 AND 5),
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 10 AND 1000),
        set_by uuid NOT NULL REFERENCES users(id),
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "IDX_criticality_overrides_current" ON criticality_overrides (user_id, id DESC)`,
    );

    await q.query(`
      CREATE TABLE retention_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        opd_id uuid NOT NULL REFERENCES opds(id),
        interviewer_id uuid NOT NULL REFERENCES users(id),
        target_date date NOT NULL,
        notes text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 2000),
        state varchar(16) NOT NULL DEFAULT 'direncanakan'
          CHECK (state IN ('direncanakan', 'diwawancarai', 'aset_terbit', 'dibatalkan')),
        interviewed_on date,
        asset_id uuid,
        asset_published_at timestamptz,
        cancel_reason text CHECK (char_length(cancel_reason) BETWEEN 10 AND 1000),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_retention_plans_interviewer" CHECK (interviewer_id <> user_id),
        CONSTRAINT "CHK_retention_plans_cancelled" CHECK ((state = 'dibatalkan') = (cancel_reason IS NOT NULL)),
        CONSTRAINT "CHK_retention_plans_asset" CHECK (
          (asset_id IS NULL) = (asset_published_at IS NULL)
          AND (state <> 'aset_terbit' OR asset_id IS NOT NULL))
      )`);
    // One live (or finished) plan per person; a cancelled one may be followed by a new plan.
    await q.query(
      `CREATE UNIQUE INDEX "UQ_retention_plans_person" ON retention_plans (user_id) WHERE state <> 'dibatalkan'`,
    );
    await q.query(`CREATE INDEX "IDX_retention_plans_opd" ON retention_plans (opd_id, state)`);
    await q.query(`
      CREATE TABLE retention_plan_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES retention_plans(id),
        action varchar(16) NOT NULL
          CHECK (action IN ('create', 'update', 'interviewed', 'published', 'cancel')),
        from_state varchar(16),
        to_state varchar(16) NOT NULL,
        actor_id uuid REFERENCES users(id),
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "IDX_retention_plan_events_plan" ON retention_plan_events (plan_id, id)`,
    );
    // Who set which criticality and every move of a plan are history: never rewritten.
    await q.query(`
      CREATE FUNCTION risk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`);
    for (const table of ['criticality_overrides', 'retention_plan_events'])
      await q.query(`
        CREATE TRIGGER "TRG_${table}_append_only" BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION risk_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE retention_plan_events`);
    await q.query(`DROP TABLE retention_plans`);
    await q.query(`DROP TABLE criticality_overrides`);
    await q.query(`DROP FUNCTION risk_append_only`);
    await q.query(`DROP TABLE expertise_declarations`);
    await q.query(`
      ALTER TABLE users DROP CONSTRAINT "CHK_users_planned_departure",
        DROP COLUMN planned_departure_note, DROP COLUMN planned_departure_reason,
        DROP COLUMN planned_departure_on`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT "CHK_users_birth_date_nip"`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT "CHK_users_jabatan_kategori"`);
    await q.query(`UPDATE users SET jabatan_kategori = 'fungsional_lain'
                    WHERE jabatan_kategori NOT IN ${OLD_CATEGORIES}`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_jabatan_kategori_check CHECK (jabatan_kategori IN ${OLD_CATEGORIES})`,
    );
  }
}
