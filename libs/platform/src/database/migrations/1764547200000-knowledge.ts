import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Durable jobs (outbox), knowledge assets with revisions, transitions and attachments. */
export class Knowledge1764547200000 implements MigrationInterface {
  name = 'Knowledge1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE jobs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        queue varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        dedupe_key varchar(200),
        status varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending','running','done','dead')),
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL DEFAULT 8,
        run_at timestamptz NOT NULL DEFAULT now(),
        locked_at timestamptz,
        locked_by varchar(100),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX "IDX_jobs_due" ON jobs (queue, run_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX "IDX_jobs_running" ON jobs (locked_at) WHERE status = 'running'`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_jobs_pending_dedupe" ON jobs (queue, dedupe_key)
       WHERE status = 'pending' AND dedupe_key IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE assets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type varchar(32) NOT NULL CHECK (type IN
          ('praktik_baik','pelajaran','panduan','wawancara_pengetahuan','inovasi','dokumen')),
        title varchar(300) NOT NULL,
        summary text NOT NULL DEFAULT '',
        sections jsonb NOT NULL DEFAULT '{}'::jsonb,
        body text NOT NULL DEFAULT '',
        tags text[] NOT NULL DEFAULT '{}',
        opd_id uuid NOT NULL REFERENCES opds(id),
        cop_id uuid,
        author_ids uuid[] NOT NULL CHECK (cardinality(author_ids) >= 1),
        narasumber_id uuid REFERENCES users(id),
        seci_mode varchar(16) CHECK (seci_mode IN ('sosialisasi','eksternalisasi','kombinasi','internalisasi')),
        visibility varchar(10) NOT NULL CHECK (visibility IN ('publik','internal','opd','cop')),
        status varchar(10) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft','submitted','published','archived')),
        completeness numeric(4,3) NOT NULL DEFAULT 0,
        revision integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        external_id varchar(200),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        published_at timestamptz,
        verified_at timestamptz,
        verified_by uuid REFERENCES users(id),
        review_due_at timestamptz,
        archived_at timestamptz,
        CONSTRAINT "UQ_assets_external_id" UNIQUE (external_id),
        CONSTRAINT "CHK_assets_cop_visibility" CHECK (visibility <> 'cop' OR cop_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX "IDX_assets_opd_status" ON assets (opd_id, status)`);
    await q.query(
      `CREATE INDEX "IDX_assets_status_published" ON assets (status, published_at DESC)`,
    );
    await q.query(`CREATE INDEX "IDX_assets_authors" ON assets USING gin (author_ids)`);
    await q.query(`CREATE INDEX "IDX_assets_tags" ON assets USING gin (tags)`);
    await q.query(`
      CREATE TABLE asset_revisions (
        asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        n integer NOT NULL,
        type varchar(32) NOT NULL,
        title varchar(300) NOT NULL,
        summary text NOT NULL,
        sections jsonb NOT NULL,
        body text NOT NULL,
        tags text[] NOT NULL,
        visibility varchar(10) NOT NULL,
        seci_mode varchar(16),
        narasumber_id uuid,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (asset_id, n)
      )`);
    await q.query(`
      CREATE TABLE asset_transitions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        action varchar(16) NOT NULL,
        from_status varchar(10),
        to_status varchar(10) NOT NULL,
        actor_id uuid NOT NULL REFERENCES users(id),
        comment text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_asset_transitions_asset" ON asset_transitions (asset_id, id)`);
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        storage_key varchar(100) NOT NULL,
        display_name varchar(255) NOT NULL,
        kind varchar(8) NOT NULL,
        mime varchar(120) NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL,
        scan_status varchar(16) NOT NULL DEFAULT 'not_scanned'
          CHECK (scan_status IN ('not_scanned','clean','pending_scan')),
        text_status varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (text_status IN ('pending','extracted','unreadable','not_applicable')),
        text_error varchar(64),
        extracted_text text,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_attachments_storage_key" UNIQUE (storage_key),
        CONSTRAINT "UQ_attachments_asset_sha256" UNIQUE (asset_id, sha256)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachments`);
    await q.query(`DROP TABLE asset_transitions`);
    await q.query(`DROP TABLE asset_revisions`);
    await q.query(`DROP TABLE assets`);
    await q.query(`DROP TABLE jobs`);
  }
}
