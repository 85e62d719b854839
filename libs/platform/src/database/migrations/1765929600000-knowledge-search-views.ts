import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * libs/knowledge's SQL contract for libs/search (issue #18 item 3): search builds its documents,
 * its PostgreSQL fallback, its completions and its people evidence from these views, so only
 * knowledge's repositories touch `assets` and `attachments`. Unlike `knowledge_assets` they carry
 * the content and the text-search vectors. Who may read an asset stays knowledge's rule: search
 * applies `readablePredicate` (SQL) or `readableFilter` (Meilisearch) from `@lumbung/knowledge`.
 * Plain views, so PostgreSQL plans every query on the tables and their indexes. Add columns
 * freely; remove or rename them only with libs/search (`grep knowledge_search libs`).
 */
export class KnowledgeSearchViews1765929600000 implements MigrationInterface {
  name = 'KnowledgeSearchViews1765929600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW knowledge_search_assets AS
        SELECT id, type, title, summary, sections, body, tags, opd_id, cop_id, visibility, status,
               author_ids, narasumber_id, published_at, updated_at, version, search_tsv,
               terms_tsv, terms_len, stems_len, title_len
          FROM assets`);
    // Files attached to assets, with their extracted text (meetings' files: knowledge_meeting_files).
    await q.query(`
      CREATE VIEW knowledge_search_asset_files AS
        SELECT id, asset_id, created_at, scan_status, text_status, extracted_text, search_tsv
          FROM attachments WHERE asset_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW knowledge_search_asset_files`);
    await q.query(`DROP VIEW knowledge_search_assets`);
  }
}
