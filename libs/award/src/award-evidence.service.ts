import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@lumbung/identity';
import { readablePredicate, readerOf } from '@lumbung/knowledge';
import {
  AnomalyFlagsService,
  documentedMeetingSql,
  MetricsEvidenceReader,
  periodBounds,
} from '@lumbung/metrics';

/** Evidence an assessor can open beside one OPD's scores. */
@Injectable()
export class AwardEvidenceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly flags: AnomalyFlagsService,
    private readonly usageEvidence: MetricsEvidenceReader,
  ) {}

  /** Evidence an assessor can open: assets, meetings with attendee counts, reuse reports, flags. */
  async evidence(principal: Principal, year: number, opdId: string) {
    const { from, to } = periodBounds({ year });
    const [assets, [{ n: publishedTotal }], meetings, reuse, anomalies] = await Promise.all([
      this.readableAssets(principal, opdId, from, to),
      this.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM knowledge_assets a
          WHERE a.opd_id = $1 AND a.status = 'published' AND a.published_at >= $2 AND a.published_at < $3`,
        [opdId, from, to],
      ),
      this.meetings(opdId, year),
      this.usageEvidence.reuseReportsOfOpd(opdId, from, to),
      this.flags.anomalies(principal, year, opdId),
    ]);
    const readable = new Map(assets.map((a) => [a.id, a.title]));
    return {
      assets: assets.map((a) => ({
        id: a.id,
        title: a.title,
        type: a.type,
        visibility: a.visibility,
        completeness: Number(a.completeness),
        publishedAt: new Date(a.publishedAt).toISOString(),
        href: `/api/v1/assets/${a.id}`,
      })),
      restrictedAssets: publishedTotal - assets.length,
      meetings: meetings.map((m) => ({
        id: m.id,
        cop: m.cop,
        heldDate: m.heldDateWib,
        quarter: m.quarter,
        topic: m.topic,
        attendees: m.attendees,
        documented: m.documented,
        href: `/api/v1/meetings/${m.id}`,
      })),
      reuseReports: reuse.map((r) => {
        const title = readable.get(r.assetId);
        return {
          assetId: title ? r.assetId : null,
          assetTitle: title ?? null,
          reporterOpdCode: r.reporterOpdCode,
          at: r.createdAt.toISOString(),
          story: title ? r.story : null,
        };
      }),
      anomalies,
    };
  }

  /** The OPD's assets published in the period that the caller may read. */
  private readableAssets(principal: Principal, opdId: string, from: string, to: string) {
    const { sql, params } = readablePredicate('a', readerOf(principal));
    const published = `a.opd_id = :opdId AND a.status = 'published' AND a.published_at >= :from AND a.published_at < :to`;
    return this.ds
      .createQueryBuilder()
      .select([
        'a.id AS id',
        'a.title AS title',
        'a.type AS type',
        'a.visibility AS visibility',
        'a.completeness AS completeness',
        'a.published_at AS "publishedAt"',
      ])
      .from('knowledge_assets', 'a')
      .where(published, { opdId, from, to })
      .andWhere(sql, params)
      .orderBy('a.published_at', 'ASC')
      .getRawMany<{
        id: string;
        title: string;
        type: string;
        visibility: string;
        completeness: string;
        publishedAt: Date;
      }>();
  }

  /** The year's meetings of the OPD's CoPs, with attendee counts and whether each was documented. */
  private meetings(opdId: string, year: number) {
    return this.ds.query<
      {
        id: string;
        cop: string;
        heldDateWib: string;
        quarter: number;
        topic: string;
        attendees: number;
        documented: boolean;
      }[]
    >(
      `SELECT m.id, c.name AS cop, m.held_date_wib::text AS "heldDateWib", m.quarter, m.topic,
              (SELECT count(*)::int FROM community_meeting_attendees t WHERE t.meeting_id = m.id) AS attendees,
              ${documentedMeetingSql('m')} AS documented
         FROM community_meetings m JOIN community_cops c ON c.id = m.cop_id
        WHERE c.opd_id = $1 AND m.year = $2 ORDER BY m.held_at`,
      [opdId, year],
    );
  }
}
