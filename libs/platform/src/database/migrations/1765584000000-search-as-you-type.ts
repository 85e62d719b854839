import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search as you type: the PostgreSQL fallback finds meeting minutes too (as the index does), by
 * a stored full-text vector of each meeting's topic (weight A), agenda (B) and minutes (C) with
 * its GIN index; and the popular queries a search that finds little suggests are read per OPD
 * from the log's successful searches.
 */
export class SearchAsYouType1765584000000 implements MigrationInterface {
  name = 'SearchAsYouType1765584000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE meetings ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('indonesian', topic), 'A') ||
        setweight(to_tsvector('indonesian', agenda), 'B') ||
        setweight(to_tsvector('indonesian', minutes), 'C')) STORED`);
    await q.query(`CREATE INDEX "IDX_meetings_search_tsv" ON meetings USING gin (search_tsv)`);
    await q.query(
      `CREATE INDEX "IDX_search_log_found" ON search_log (opd_id, started_at) WHERE result_count > 0`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_search_log_found"`);
    await q.query(`DROP INDEX "IDX_meetings_search_tsv"`);
    await q.query(`ALTER TABLE meetings DROP COLUMN search_tsv`);
  }
}
