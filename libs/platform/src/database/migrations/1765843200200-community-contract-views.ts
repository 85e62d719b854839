import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * libs/community's public contract for SQL in other libs (issue #18 item 1): CoPs, membership
 * periods and the meeting log as metrics, the award and the risk register count them. Who may
 * read a meeting stays community's rule (these views serve counts and evidence already scoped by
 * OPD). Add columns freely; remove or rename them only with every reader
 * (`grep community_ libs`).
 */
export class CommunityContractViews1765843200200 implements MigrationInterface {
  name = 'CommunityContractViews1765843200200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW community_cops AS
        SELECT id, name, theme, opd_id, status, created_at FROM cops`);
    await q.query(`
      CREATE VIEW community_memberships AS
        SELECT cop_id, user_id, joined_at, left_at FROM cop_memberships`);
    await q.query(`
      CREATE VIEW community_meetings AS
        SELECT id, cop_id, held_at, held_date_wib, year, quarter, topic, minutes, minutes_at,
               minutes_visibility, created_at, updated_at
          FROM meetings`);
    await q.query(`
      CREATE VIEW community_meeting_attendees AS
        SELECT meeting_id, user_id, opd_id FROM meeting_attendees`);
    await q.query(`
      CREATE VIEW community_meeting_outputs AS
        SELECT meeting_id, asset_id FROM meeting_outputs`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const v of [
      'community_meeting_outputs',
      'community_meeting_attendees',
      'community_meetings',
      'community_memberships',
      'community_cops',
    ])
      await q.query(`DROP VIEW ${v}`);
  }
}
