import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * libs/knowledge's public contract for SQL in other libs (issue #18 item 1): the asset facts other
 * libs count and join (metrics, award, community activity), without the content (sections,
 * summary, text), and the files attached to CoP meetings. Who may read an asset stays knowledge's rule: readers apply
 * `readablePredicate` from `@lumbung/knowledge` to this view's alias. Add columns freely; remove
 * or rename them only with every reader (`grep knowledge_ libs`).
 */
export class KnowledgeContractViews1765843200100 implements MigrationInterface {
  name = 'KnowledgeContractViews1765843200100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW knowledge_assets AS
        SELECT id, type, title, opd_id, cop_id, status, visibility, completeness, author_ids,
               narasumber_id, tags, published_at, verified_at, review_due_at, created_at,
               updated_at, archived_at
          FROM assets`);
    // Evidence files of CoP meetings: stored by knowledge's upload pipeline, shown and searched
    // by libs/community with the meeting they belong to.
    await q.query(`
      CREATE VIEW knowledge_meeting_files AS
        SELECT id, meeting_id, created_at, scan_status, text_status, extracted_text, search_tsv
          FROM attachments WHERE meeting_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW knowledge_meeting_files`);
    await q.query(`DROP VIEW knowledge_assets`);
  }
}
