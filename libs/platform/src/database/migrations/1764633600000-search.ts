import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search: a PostgreSQL full-text fallback kept in the write transaction (trigger-maintained
 * tsvector on assets and attachment text, trigram on titles), search log, clicks and the
 * admin-editable synonym sets.
 */
export class Search1764633600000 implements MigrationInterface {
  name = 'Search1764633600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE FUNCTION jsonb_values_text(j jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(string_agg(value, ' '), '') FROM jsonb_each_text(coalesce(j, '{}'::jsonb))
      $$`);
    await q.query(`ALTER TABLE assets ADD COLUMN search_tsv tsvector`);
    await q.query(`
      CREATE FUNCTION assets_search_tsv() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_tsv :=
          setweight(to_tsvector('indonesian', coalesce(NEW.title, '')), 'A') ||
          setweight(to_tsvector('indonesian', array_to_string(NEW.tags, ' ')), 'B') ||
          setweight(to_tsvector('indonesian', coalesce(NEW.summary, '')), 'B') ||
          setweight(to_tsvector('indonesian', jsonb_values_text(NEW.sections) || ' ' || coalesce(NEW.body, '')), 'C');
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER "TRG_assets_search_tsv" BEFORE INSERT OR UPDATE OF title, tags, summary, sections, body
      ON assets FOR EACH ROW EXECUTE FUNCTION assets_search_tsv()`);
    await q.query(`UPDATE assets SET title = title`);
    await q.query(`CREATE INDEX "IDX_assets_search_tsv" ON assets USING gin (search_tsv)`);
    await q.query(`CREATE INDEX "IDX_assets_title_trgm" ON assets USING gin (title gin_trgm_ops)`);
    await q.query(`
      ALTER TABLE attachments ADD COLUMN search_tsv tsvector
        GENERATED ALWAYS AS (to_tsvector('indonesian', coalesce(extracted_text, ''))) STORED`);
    await q.query(
      `CREATE INDEX "IDX_attachments_search_tsv" ON attachments USING gin (search_tsv)`,
    );

    await q.query(`
      CREATE TABLE search_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        started_at timestamptz NOT NULL DEFAULT now(),
        last_at timestamptz NOT NULL DEFAULT now(),
        actor_key varchar(100) NOT NULL,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        opd_id uuid REFERENCES opds(id),
        query text NOT NULL,
        filters jsonb NOT NULL DEFAULT '{}'::jsonb,
        result_count integer NOT NULL,
        engine varchar(12) NOT NULL,
        duration_ms integer NOT NULL,
        keystrokes integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX "IDX_search_log_actor" ON search_log (actor_key, last_at DESC)`);
    await q.query(`CREATE INDEX "IDX_search_log_started" ON search_log (started_at)`);
    await q.query(`
      CREATE TABLE search_clicks (
        search_id uuid NOT NULL REFERENCES search_log(id) ON DELETE CASCADE,
        asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position BETWEEN 1 AND 1000),
        clicked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (search_id, asset_id)
      )`);
    await q.query(`
      CREATE TABLE search_synonyms (
        term varchar(60) PRIMARY KEY,
        synonyms text[] NOT NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE search_synonyms`);
    await q.query(`DROP TABLE search_clicks`);
    await q.query(`DROP TABLE search_log`);
    await q.query(`ALTER TABLE attachments DROP COLUMN search_tsv`);
    await q.query(`DROP TRIGGER "TRG_assets_search_tsv" ON assets`);
    await q.query(`DROP FUNCTION assets_search_tsv`);
    await q.query(`ALTER TABLE assets DROP COLUMN search_tsv`);
    await q.query(`DROP FUNCTION jsonb_values_text`);
  }
}
