import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Usage metrics (libs/metrics/README.md): the append-only raw event log, endorsements and reuse
 * reports, the rollups the award reads (daily counters per asset, daily readers per reader OPD, and
 * the reader sets at quarter and year grain that make distinct counts cheap), and anomaly flags.
 */
export class Usage1764806400000 implements MigrationInterface {
  name = 'Usage1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE usage_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type varchar(16) NOT NULL CHECK (type IN
          ('view','download','search','search_click','endorse','endorse_withdraw','reuse_report','share')),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        occurred_on date NOT NULL DEFAULT (now() AT TIME ZONE 'Asia/Jakarta')::date,
        actor_user_id uuid,
        actor_key varchar(80) NOT NULL,
        actor_opd_id uuid,
        asset_id uuid,
        asset_opd_id uuid,
        asset_cop_id uuid,
        object_id uuid,
        position integer,
        excluded varchar(10) CHECK (excluded IN ('author','staff','service')),
        idempotency_key varchar(100),
        pseudonymised boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX "IDX_usage_events_day" ON usage_events (occurred_on)`);
    await q.query(
      `CREATE INDEX "IDX_usage_events_user_asset" ON usage_events (actor_user_id, asset_id) WHERE type = 'view'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_usage_events_idempotency" ON usage_events (actor_key, idempotency_key)
       WHERE idempotency_key IS NOT NULL`,
    );
    // Insert-only for the app; the pseudonymisation job alone may rewrite who, never what or when.
    await q.query(`
      CREATE FUNCTION usage_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('lumbung.pseudonymise', true) = 'on'
           AND NEW.pseudonymised AND NOT OLD.pseudonymised
           AND (NEW.id, NEW.type, NEW.occurred_at, NEW.occurred_on, NEW.actor_opd_id, NEW.asset_id,
                NEW.asset_opd_id, NEW.asset_cop_id, NEW.object_id, NEW.position, NEW.excluded)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.type, OLD.occurred_at, OLD.occurred_on, OLD.actor_opd_id, OLD.asset_id,
                OLD.asset_opd_id, OLD.asset_cop_id, OLD.object_id, OLD.position, OLD.excluded) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'usage_events is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER "TRG_usage_events_append_only" BEFORE UPDATE OR DELETE ON usage_events
      FOR EACH ROW EXECUTE FUNCTION usage_events_append_only()`);

    await q.query(`
      CREATE TABLE asset_endorsements (
        asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (asset_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE asset_reuse_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        user_opd_id uuid NOT NULL REFERENCES opds(id),
        story text NOT NULL CHECK (char_length(story) BETWEEN 30 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_asset_reuse_reports_user" UNIQUE (asset_id, user_id)
      )`);

    // Counters per asset per WIB day, after the counting rules. Refolded whole, so idempotent.
    await q.query(`
      CREATE TABLE usage_daily_asset (
        day date NOT NULL,
        asset_id uuid NOT NULL,
        asset_opd_id uuid NOT NULL,
        views integer NOT NULL DEFAULT 0,
        anonymous_views integer NOT NULL DEFAULT 0,
        unique_readers integer NOT NULL DEFAULT 0,
        downloads integer NOT NULL DEFAULT 0,
        unique_downloads integer NOT NULL DEFAULT 0,
        endorsements integer NOT NULL DEFAULT 0,
        reuse_reports integer NOT NULL DEFAULT 0,
        reuse_reports_other_opd integer NOT NULL DEFAULT 0,
        search_clicks integer NOT NULL DEFAULT 0,
        shares integer NOT NULL DEFAULT 0,
        PRIMARY KEY (day, asset_id, asset_opd_id)
      )`);
    await q.query(
      `CREATE INDEX "IDX_usage_daily_asset_asset" ON usage_daily_asset (asset_id, day)`,
    );
    await q.query(
      `CREATE INDEX "IDX_usage_daily_asset_opd" ON usage_daily_asset (asset_opd_id, day)`,
    );
    await q.query(`
      CREATE TABLE usage_daily_asset_readers (
        day date NOT NULL,
        asset_id uuid NOT NULL,
        reader_opd_id uuid NOT NULL,
        readers integer NOT NULL,
        PRIMARY KEY (asset_id, day, reader_opd_id)
      )`);
    await q.query(
      `CREATE INDEX "IDX_usage_daily_asset_readers_day" ON usage_daily_asset_readers (day)`,
    );
    // Distinct readers are not additive: keep the set at the grain the award reads.
    await q.query(`
      CREATE TABLE usage_period_readers (
        period varchar(7) NOT NULL,
        asset_opd_id uuid NOT NULL,
        user_id uuid NOT NULL,
        user_opd_id uuid NOT NULL,
        PRIMARY KEY (period, asset_opd_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE usage_rollup_days (
        day date PRIMARY KEY,
        max_event_id bigint NOT NULL,
        events integer NOT NULL,
        folded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE usage_anomalies (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        day date NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('concentration','burst')),
        asset_id uuid,
        asset_opd_id uuid,
        actor_user_id uuid,
        actor_opd_id uuid,
        value integer NOT NULL,
        total integer NOT NULL,
        detected_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_usage_anomalies_day" ON usage_anomalies (day)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE usage_anomalies`);
    await q.query(`DROP TABLE usage_rollup_days`);
    await q.query(`DROP TABLE usage_period_readers`);
    await q.query(`DROP TABLE usage_daily_asset_readers`);
    await q.query(`DROP TABLE usage_daily_asset`);
    await q.query(`DROP TABLE asset_reuse_reports`);
    await q.query(`DROP TABLE asset_endorsements`);
    await q.query(`DROP TABLE usage_events`);
    await q.query(`DROP FUNCTION usage_events_append_only`);
  }
}
