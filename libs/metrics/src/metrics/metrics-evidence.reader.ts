import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A reuse report on one of an OPD's assets, with the reporter's OPD at the time. */
export interface OpdReuseReport {
  assetId: string;
  reporterOpdCode: string;
  createdAt: Date;
  story: string;
}

/** How much of a period's usage changed after a moment (a finalised award year's restatement). */
export interface UsageChanges {
  /** Days of the period folded into the rollups again after the moment. */
  usageDaysRefolded: number;
  /** Events of the period that arrived after the moment. */
  lateEvents: number;
}

/**
 * Read service for libs/award: the usage evidence behind an OPD's numbers, from the tables this
 * lib owns (reuse reports, the raw log, the rollup days).
 */
@Injectable()
export class MetricsEvidenceReader {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Reuse reports on the OPD's assets made in [from, to), oldest first. */
  async reuseReportsOfOpd(opdId: string, from: string, to: string): Promise<OpdReuseReport[]> {
    const rows = await this.ds.query<
      { asset_id: string; opd: string; created_at: Date; story: string }[]
    >(
      `SELECT r.asset_id, o.code AS opd, r.created_at, r.story
         FROM asset_reuse_reports r JOIN knowledge_assets a ON a.id = r.asset_id
         JOIN identity_opds o ON o.id = r.user_opd_id
        WHERE a.opd_id = $1 AND r.created_at >= $2 AND r.created_at < $3 ORDER BY r.created_at`,
      [opdId, from, to],
    );
    return rows.map((r) => ({
      assetId: r.asset_id,
      reporterOpdCode: r.opd,
      createdAt: r.created_at,
      story: r.story,
    }));
  }

  /** Usage of the WIB days [first, last] that changed after `since`. */
  async usageChangedSince(first: string, last: string, since: string): Promise<UsageChanges> {
    const [r] = await this.ds.query<UsageChanges[]>(
      `SELECT
         (SELECT count(*)::int FROM usage_rollup_days WHERE day BETWEEN $1 AND $2 AND folded_at > $3) AS "usageDaysRefolded",
         (SELECT count(*)::int FROM usage_events WHERE occurred_on BETWEEN $1 AND $2 AND occurred_at > $3) AS "lateEvents"`,
      [first, last, since],
    );
    return r;
  }
}
