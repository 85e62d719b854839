import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups at the grain the award reads, so its queries never scan per-asset rows: daily counters
 * per OPD, reader counts per period, asset OPD and reader OPD (kept from the rows the reader sets
 * actually gain), and the set of assets clicked from search per period.
 */
export class UsageRollups1765065600000 implements MigrationInterface {
  name = 'UsageRollups1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE usage_daily_opd (
        day date NOT NULL,
        asset_opd_id uuid NOT NULL,
        views integer NOT NULL,
        anonymous_views integer NOT NULL,
        downloads integer NOT NULL,
        unique_downloads integer NOT NULL,
        endorsements integer NOT NULL,
        reuse_reports integer NOT NULL,
        reuse_reports_other_opd integer NOT NULL,
        search_clicks integer NOT NULL,
        shares integer NOT NULL,
        PRIMARY KEY (day, asset_opd_id)
      )`);
    await q.query(`
      CREATE TABLE usage_period_reader_counts (
        period varchar(7) NOT NULL,
        asset_opd_id uuid NOT NULL,
        reader_opd_id uuid NOT NULL,
        readers integer NOT NULL,
        PRIMARY KEY (period, asset_opd_id, reader_opd_id)
      )`);
    await q.query(`
      CREATE TABLE usage_period_clicked (
        period varchar(7) NOT NULL,
        asset_opd_id uuid NOT NULL,
        asset_id uuid NOT NULL,
        PRIMARY KEY (period, asset_opd_id, asset_id)
      )`);
    // Existing rollups (if any) into the new grain.
    await q.query(`
      INSERT INTO usage_daily_opd
      SELECT day, asset_opd_id, sum(views), sum(anonymous_views), sum(downloads), sum(unique_downloads),
             sum(endorsements), sum(reuse_reports), sum(reuse_reports_other_opd), sum(search_clicks), sum(shares)
        FROM usage_daily_asset GROUP BY day, asset_opd_id`);
    await q.query(`
      INSERT INTO usage_period_reader_counts
      SELECT period, asset_opd_id, user_opd_id, count(*) FROM usage_period_readers GROUP BY 1, 2, 3`);
    await q.query(`
      INSERT INTO usage_period_clicked
      SELECT DISTINCT p.period, d.asset_opd_id, d.asset_id
        FROM usage_daily_asset d
        CROSS JOIN LATERAL (VALUES (extract(year FROM d.day)::text),
                                   (extract(year FROM d.day)::text || '-Q' || extract(quarter FROM d.day)::text)) p(period)
       WHERE d.search_clicks > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE usage_period_clicked`);
    await q.query(`DROP TABLE usage_period_reader_counts`);
    await q.query(`DROP TABLE usage_daily_opd`);
  }
}
