import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * libs/community's SQL contract grows by what libs/search needs to index and find meeting minutes
 * (issue #18 item 3): each meeting's agenda and its text-search vector, appended to
 * `community_meetings` (a view keeps its columns' order; new ones come last). Who may read
 * minutes stays community's rule, stated in libs/search's meeting reader as the index's filter.
 */
export class CommunitySearchViews1765929600100 implements MigrationInterface {
  name = 'CommunitySearchViews1765929600100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW community_meetings AS
        SELECT id, cop_id, held_at, held_date_wib, year, quarter, topic, minutes, minutes_at,
               minutes_visibility, created_at, updated_at, agenda, search_tsv
          FROM meetings`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW community_meetings`);
    await q.query(`
      CREATE VIEW community_meetings AS
        SELECT id, cop_id, held_at, held_date_wib, year, quarter, topic, minutes, minutes_at,
               minutes_visibility, created_at, updated_at
          FROM meetings`);
  }
}
