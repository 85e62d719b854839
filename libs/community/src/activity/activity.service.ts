import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommonErrors, wibRange } from '@lumbung/platform';
import { OpdsService, type Principal } from '@lumbung/identity';
import { seesCopActivity, seesOpdActivity } from '../cops/cop.policy';
import { CopsService } from '../cops/cops.service';

export interface QuarterActivity {
  quarter: 1 | 2 | 3 | 4;
  meetings: number;
  distinctAttendees: number;
  attendeesFromOtherOpds: number;
  /** Meetings whose minutes were written, or that produced an asset, within 14 days. */
  meetingsDocumentedWithin14Days: number;
  /**
   * The OPD's assets published in the quarter and still published: the same number as the
   * metrics' `publishedAssets` for that Triwulan (for a CoP: its host OPD's).
   */
  assetsPublishedByOpd: number;
  assetsPublishedByCops: number;
  activeCops: number;
}

/**
 * Activity per Triwulan (WIB) for an OPD (its CoPs and its assets) or for one CoP. Meetings are
 * bucketed by their stored WIB quarter; publications by published_at in WIB, counting assets that
 * are still published (as the usage metrics do).
 */
@Injectable()
export class ActivityService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly opds: OpdsService,
    private readonly cops: CopsService,
  ) {}

  /** An OPD's activity for its members, assessors and admins; to anyone else it does not exist. */
  async forOpdCode(p: Principal, code: string, year: number): Promise<QuarterActivity[]> {
    const opd = await this.opds.getByCode(code);
    if (!seesOpdActivity(p, opd.id)) throw CommonErrors.notFound();
    return this.forOpd(opd.id, year);
  }

  /** A CoP's activity for those who see it (members, host OPD, assessors, admins); else 404. */
  async forCopId(p: Principal, id: string, year: number): Promise<QuarterActivity[]> {
    const cop = await this.cops.get(undefined, id);
    if (!seesCopActivity(p, cop)) throw CommonErrors.notFound();
    return this.forCop(cop.id, cop.opdId, year);
  }

  async forOpd(opdId: string, year: number): Promise<QuarterActivity[]> {
    return this.compute(year, { opdId, copId: null });
  }

  async forCop(copId: string, hostOpdId: string, year: number): Promise<QuarterActivity[]> {
    return this.compute(year, { opdId: hostOpdId, copId });
  }

  private async compute(
    year: number,
    scope: { opdId: string; copId: string | null },
  ): Promise<QuarterActivity[]> {
    const { from, to } = wibRange(year);
    const rows = await this.ds.query<(Omit<QuarterActivity, 'quarter'> & { quarter: number })[]>(
      `WITH q AS (SELECT generate_series(1, 4) AS quarter),
       scoped_cops AS (
         SELECT id FROM cops WHERE opd_id = $1 AND ($2::uuid IS NULL OR id = $2::uuid)),
       m AS (
         SELECT mt.* FROM meetings mt WHERE mt.cop_id IN (SELECT id FROM scoped_cops) AND mt.year = $3),
       pub AS (
         SELECT a.opd_id, a.cop_id,
                EXTRACT(QUARTER FROM (a.published_at AT TIME ZONE 'Asia/Jakarta'))::int AS quarter
           FROM knowledge_assets a
          WHERE a.status = 'published' AND a.published_at >= $4 AND a.published_at < $5)
       SELECT q.quarter,
              (SELECT count(*) FROM m WHERE m.quarter = q.quarter)::int AS meetings,
              (SELECT count(DISTINCT ma.user_id) FROM meeting_attendees ma JOIN m ON m.id = ma.meeting_id
                WHERE m.quarter = q.quarter)::int AS "distinctAttendees",
              (SELECT count(DISTINCT ma.user_id) FROM meeting_attendees ma JOIN m ON m.id = ma.meeting_id
                WHERE m.quarter = q.quarter AND ma.opd_id <> $1)::int AS "attendeesFromOtherOpds",
              (SELECT count(*) FROM m WHERE m.quarter = q.quarter AND (
                  (m.minutes <> '' AND m.minutes_at <= m.held_at + interval '14 days')
                  OR EXISTS (SELECT 1 FROM meeting_outputs o JOIN knowledge_assets a ON a.id = o.asset_id
                              WHERE o.meeting_id = m.id AND a.created_at <= m.held_at + interval '14 days')))::int
                AS "meetingsDocumentedWithin14Days",
              (SELECT count(*) FROM pub WHERE pub.quarter = q.quarter AND pub.opd_id = $1)::int
                AS "assetsPublishedByOpd",
              (SELECT count(*) FROM pub WHERE pub.quarter = q.quarter AND pub.cop_id IN (SELECT id FROM scoped_cops))::int
                AS "assetsPublishedByCops",
              (SELECT count(DISTINCT m.cop_id) FROM m WHERE m.quarter = q.quarter)::int AS "activeCops"
         FROM q ORDER BY q.quarter`,
      [scope.opdId, scope.copId, year, from, to],
    );
    return rows.map((r) => ({ ...r, quarter: r.quarter as QuarterActivity['quarter'] }));
  }
}
