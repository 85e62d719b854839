import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { periodDays, periodKey } from '../rollup/periods';
import {
  type CountRow,
  type OpdMetrics,
  type OpdRow,
  TACIT_TYPES,
  toOpdMetrics,
} from './opd-metrics';

/**
 * A meeting `alias` is documented when its minutes or an output asset came within 14 days
 * of the meeting: one definition for the metric and the evidence shown with it.
 */
export function documentedMeetingSql(alias: string): string {
  return `((${alias}.minutes <> '' AND ${alias}.minutes_at IS NOT NULL
             AND ${alias}.minutes_at <= ${alias}.held_at + interval '14 days')
           OR EXISTS (SELECT 1 FROM community_meeting_outputs o JOIN knowledge_assets oa ON oa.id = o.asset_id
                       WHERE o.meeting_id = ${alias}.id
                         AND oa.created_at <= ${alias}.held_at + interval '14 days'))`;
}

/** A year, or one Triwulan of it. */
export interface Period {
  year: number;
  quarter?: number;
}

const WIB = `'Asia/Jakarta'`;

/** [from, to) instants of a WIB period, as SQL-ready ISO strings, plus its first and last day. */
export function periodBounds(p: Period): { from: string; to: string; first: string; last: string } {
  const { first, last } = periodDays(p.year, p.quarter);
  const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: `${first}T00:00:00+07:00`, to: `${next}T00:00:00+07:00`, first, last };
}

type PeriodBounds = ReturnType<typeof periodBounds>;

/**
 * The per-OPD metric inputs the award scores, for every OPD (or one). Usage figures come from the
 * rollups only (daily counters and the period reader sets), never from the raw log; the rest from
 * the assets and the CoP log, read through their owners' contract views (`identity_*`,
 * `knowledge_assets`, `community_*`), so the counts stay set-based SQL.
 */
@Injectable()
export class MetricsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async opdMetrics(period: Period, opdId?: string): Promise<OpdMetrics[]> {
    const b = periodBounds(period);
    const only = opdId ?? null;
    const [opds, assets, usage, readers, meetings, people] = await Promise.all([
      this.opdRows(only),
      this.assetCounts(b, only),
      this.usageCounts(period, b, only),
      this.readerCounts(period, only),
      this.meetingCounts(b, only),
      this.peopleCounts(b, only),
    ]);
    return opds.map((o) =>
      toOpdMetrics(o, {
        assets: assets.get(o.id) ?? {},
        usage: usage.get(o.id) ?? {},
        readers: readers.get(o.id) ?? {},
        meetings: meetings.get(o.id) ?? {},
        people: people.get(o.id) ?? {},
      }),
    );
  }

  /** The OPD directory: code, name and headcount (all OPD, or one). */
  private opdRows(only: string | null): Promise<OpdRow[]> {
    return this.ds.query<OpdRow[]>(
      `SELECT id, code, name, headcount FROM identity_opds WHERE ($1::uuid IS NULL OR id = $1) ORDER BY code`,
      [only],
    );
  }

  /** Documentation: the period's published assets and the stock published by its end. */
  private assetCounts(b: PeriodBounds, only: string | null): Promise<Map<string, CountRow>> {
    return this.byOpd(
      `SELECT a.opd_id AS "opdId",
              count(*) FILTER (WHERE a.published_at >= $1) AS published,
              avg(a.completeness) FILTER (WHERE a.published_at >= $1) AS completeness,
              count(*) FILTER (WHERE a.published_at >= $1 AND a.type = ANY($4)) AS tacit,
              count(*) FILTER (WHERE a.published_at >= $1
                                 AND (a.review_due_at IS NULL OR a.review_due_at >= $2)) AS fresh,
              count(*) AS stock,
              count(*) FILTER (WHERE a.visibility IN ('internal', 'publik')) AS "openStock",
              count(*) FILTER (WHERE a.published_at >= $1 AND EXISTS (
                SELECT 1 FROM identity_people u WHERE u.id = ANY(a.author_ids) AND u.opd_id <> a.opd_id)) AS "crossAssets"
         FROM knowledge_assets a
        WHERE a.status = 'published' AND a.published_at < $2 AND ($3::uuid IS NULL OR a.opd_id = $3)
        GROUP BY a.opd_id`,
      [b.from, b.to, only, TACIT_TYPES],
    );
  }

  /** Dissemination: the daily usage counters of the period, and the stock clicked from search. */
  private usageCounts(
    period: Period,
    b: PeriodBounds,
    only: string | null,
  ): Promise<Map<string, CountRow>> {
    return this.byOpd(
      `SELECT d.asset_opd_id AS "opdId", sum(d.views) AS views, sum(d.anonymous_views) AS "anonymousViews",
              sum(d.downloads) AS downloads, sum(d.unique_downloads) AS "uniqueDownloads",
              sum(d.endorsements) AS endorsements, sum(d.reuse_reports) AS "reuseReports",
              sum(d.reuse_reports_other_opd) AS "reuseOther", sum(d.search_clicks) AS "searchClicks",
              sum(d.shares) AS shares,
              (SELECT count(*) FROM usage_period_clicked c
                WHERE c.period = $4 AND c.asset_opd_id = d.asset_opd_id) AS clicked
         FROM usage_daily_opd d
        WHERE d.day BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR d.asset_opd_id = $3)
        GROUP BY d.asset_opd_id`,
      [b.first, b.last, only, periodKey(period.year, period.quarter)],
    );
  }

  /** Distinct readers of the period (all, from the OPD itself, and how many other OPDs). */
  private readerCounts(period: Period, only: string | null): Promise<Map<string, CountRow>> {
    return this.byOpd(
      `SELECT asset_opd_id AS "opdId", sum(readers) AS readers,
              coalesce(sum(readers) FILTER (WHERE reader_opd_id = asset_opd_id), 0) AS internal,
              count(*) FILTER (WHERE reader_opd_id <> asset_opd_id AND readers > 0) AS "otherOpds"
         FROM usage_period_reader_counts
        WHERE period = $1 AND ($2::uuid IS NULL OR asset_opd_id = $2)
        GROUP BY asset_opd_id`,
      [periodKey(period.year, period.quarter), only],
    );
  }

  /** Participation: the CoP log of the period (documented, cross-OPD, attendance). */
  private meetingCounts(b: PeriodBounds, only: string | null): Promise<Map<string, CountRow>> {
    return this.byOpd(
      `WITH m AS (
         SELECT m.id, m.cop_id, c.opd_id, m.held_at,
                ${documentedMeetingSql('m')} AS documented,
                (SELECT count(*) FROM community_meeting_attendees t WHERE t.meeting_id = m.id) AS attendees,
                EXISTS (SELECT 1 FROM community_meeting_attendees t WHERE t.meeting_id = m.id AND t.opd_id <> c.opd_id)
                  AS cross_opd,
                (SELECT count(*) FROM community_memberships cm WHERE cm.cop_id = m.cop_id
                    AND cm.joined_at <= m.held_at AND (cm.left_at IS NULL OR cm.left_at > m.held_at))
                  AS members
           FROM community_meetings m JOIN community_cops c ON c.id = m.cop_id
          WHERE m.held_at >= $1 AND m.held_at < $2 AND ($3::uuid IS NULL OR c.opd_id = $3))
       SELECT opd_id AS "opdId", count(*) AS meetings, count(*) FILTER (WHERE documented) AS documented,
              count(*) FILTER (WHERE cross_opd) AS "crossMeetings",
              coalesce(avg(LEAST(1, attendees::numeric / NULLIF(members, 0))), 0) AS attendance,
              (SELECT count(DISTINCT t.user_id) FROM community_meeting_attendees t JOIN m m2 ON m2.id = t.meeting_id
                WHERE m2.opd_id = m.opd_id) AS attendees
         FROM m GROUP BY opd_id`,
      [b.from, b.to, only],
    );
  }

  /** Sustainability: CoP members, authors, key people and active quarters. */
  private peopleCounts(b: PeriodBounds, only: string | null): Promise<Map<string, CountRow>> {
    return this.byOpd(
      `WITH members AS (
         SELECT c.opd_id, count(DISTINCT cm.user_id) AS n
           FROM community_memberships cm JOIN community_cops c ON c.id = cm.cop_id
          WHERE cm.joined_at < $2 AND (cm.left_at IS NULL OR cm.left_at >= $1)
          GROUP BY c.opd_id),
       authors AS (
         SELECT a.opd_id, count(DISTINCT au) AS n
           FROM knowledge_assets a CROSS JOIN unnest(a.author_ids) au
          WHERE a.status = 'published' AND a.published_at >= $1 AND a.published_at < $2
          GROUP BY a.opd_id),
       prolific AS (
         SELECT a.opd_id, au AS user_id
           FROM knowledge_assets a CROSS JOIN unnest(a.author_ids) au
          WHERE a.status = 'published' AND a.published_at < $2
          GROUP BY a.opd_id, au HAVING count(*) >= 2),
       leads AS (
         SELECT c.opd_id, r.user_id FROM identity_role_grants r JOIN community_cops c ON c.id = r.cop_id
          WHERE r.role = 'cop_lead'),
       key_people AS (
         SELECT opd_id, count(DISTINCT user_id) AS n
           FROM (SELECT * FROM prolific UNION SELECT * FROM leads) k GROUP BY opd_id),
       meeting_q AS (
         SELECT DISTINCT c.opd_id, m.quarter FROM community_meetings m JOIN community_cops c ON c.id = m.cop_id
          WHERE m.held_at >= $1 AND m.held_at < $2),
       asset_q AS (
         SELECT DISTINCT a.opd_id, extract(quarter FROM (t AT TIME ZONE ${WIB}))::int AS quarter
           FROM knowledge_assets a CROSS JOIN LATERAL (VALUES (a.published_at), (a.verified_at)) v(t)
          WHERE a.status = 'published' AND t >= $1 AND t < $2),
       active AS (
         SELECT mq.opd_id, count(*) AS n FROM meeting_q mq
           JOIN asset_q aq ON aq.opd_id = mq.opd_id AND aq.quarter = mq.quarter
          GROUP BY mq.opd_id)
       SELECT o.id AS "opdId", coalesce(members.n, 0) AS members, coalesce(authors.n, 0) AS authors,
              coalesce(key_people.n, 0) AS "keyPeople", coalesce(active.n, 0) AS "activeQuarters"
         FROM identity_opds o
         LEFT JOIN members ON members.opd_id = o.id
         LEFT JOIN authors ON authors.opd_id = o.id
         LEFT JOIN key_people ON key_people.opd_id = o.id
         LEFT JOIN active ON active.opd_id = o.id
        WHERE ($3::uuid IS NULL OR o.id = $3)`,
      [b.from, b.to, only],
    );
  }

  private async byOpd(sql: string, params: unknown[]): Promise<Map<string, CountRow>> {
    const rows = await this.ds.query<CountRow[]>(sql, params);
    return new Map(rows.map((r) => [r.opdId, r]));
  }
}
