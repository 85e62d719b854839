import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { wibDay } from '@lumbung/platform';
import { eachDay, isDay, periodDays, periodsOfDay } from './periods';

/** A repeat of the same event by the same actor on the same object within this window counts once. */
export const DOUBLE_CLICK_SECONDS = 30;
/** Anomaly thresholds (see anomalies.ts): flagged for assessors, never dropped. */
export const CONCENTRATION_SHARE = 0.5;
export const CONCENTRATION_MIN_VIEWS = 20;
export const BURST_MIN_READS = 200;

/**
 * The counted events of one WIB day: not excluded (authors, staff, services), and with COUNTER's
 * double-click rule applied per actor, event type and object within the day: an event counts only
 * if the same actor did not repeat it on the same object within 30 seconds (the last of a chain
 * counts). `$1` is the day.
 */
const COUNTED_EVENTS = `
  SELECT e.*, (lead(e.occurred_at) OVER w IS NULL
               OR lead(e.occurred_at) OVER w > e.occurred_at + interval '${DOUBLE_CLICK_SECONDS} seconds') AS counted
    FROM usage_events e
   WHERE e.occurred_on = $1 AND e.asset_id IS NOT NULL AND e.excluded IS NULL
  WINDOW w AS (PARTITION BY e.actor_key, e.type,
                            CASE WHEN e.type = 'download' THEN e.object_id ELSE e.asset_id END
               ORDER BY e.occurred_at, e.id)`;

export interface FoldResult {
  day: string;
  events: number;
}

/**
 * Keeps the rollups the metrics and the award read. Every day is refolded whole from the raw log
 * (so re-running a day gives the same numbers, and a crash between an event and its rollup loses
 * nothing); distinct readers go into reader sets at quarter and year grain, first event wins.
 */
@Injectable()
export class UsageRollupService {
  private readonly logger = new Logger('UsageRollup');

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Folds every day that has events not folded yet (today and yesterday in practice). */
  async foldPending(): Promise<FoldResult[]> {
    const today = wibDay();
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const stale = await this.ds.query<{ day: string }[]>(
      `SELECT d.day::text AS day
         FROM (SELECT occurred_on AS day, max(id) AS max_id FROM usage_events
                WHERE occurred_on IN ($1::date, $2::date) GROUP BY occurred_on) d
         LEFT JOIN usage_rollup_days r ON r.day = d.day
        WHERE r.day IS NULL OR r.max_event_id < d.max_id
        ORDER BY d.day`,
      [yesterday, today],
    );
    const done: FoldResult[] = [];
    for (const { day } of stale) {
      const folded = await this.foldDay(undefined, day, { onlyIfStale: true });
      if (folded) done.push(folded);
    }
    return done;
  }

  /**
   * Recomputes one WIB day's counters, reader rows and anomaly flags from the raw log. With
   * `onlyIfStale`, a day another worker folded while this one waited for the lock is left alone
   * (undefined): several workers fold each day once.
   */
  async foldDay(outer: EntityManager | undefined, day: string): Promise<FoldResult>;
  async foldDay(
    outer: EntityManager | undefined,
    day: string,
    options: { onlyIfStale: true },
  ): Promise<FoldResult | undefined>;
  async foldDay(
    outer: EntityManager | undefined,
    day: string,
    options: { onlyIfStale?: boolean } = {},
  ): Promise<FoldResult | undefined> {
    if (!isDay(day)) throw new RangeError(`not a day: ${day}`);
    const fold = async (tx: EntityManager): Promise<FoldResult | undefined> => {
      await tx.query(
        `SELECT pg_advisory_xact_lock(hashtext('usage_fold'), $1::date - date '2000-01-01')`,
        [day],
      );
      const [stamp] = await tx.query<{ maxId: string | null; events: number; folded: boolean }[]>(
        `SELECT max(id) AS "maxId", count(*)::int AS events,
                COALESCE(max(id) <= (SELECT max_event_id FROM usage_rollup_days WHERE day = $1), false) AS folded
           FROM usage_events WHERE occurred_on = $1`,
        [day],
      );
      if (options.onlyIfStale && stamp.folded) return undefined;
      for (const table of [
        'usage_daily_asset',
        'usage_daily_opd',
        'usage_daily_asset_readers',
        'usage_anomalies',
      ])
        await tx.query(`DELETE FROM ${table} WHERE day = $1`, [day]);
      // The counting rules run once per day; counters and flags read the result.
      await tx.query(`DROP TABLE IF EXISTS usage_fold_counted`);
      await tx.query(
        `CREATE TEMP TABLE usage_fold_counted ON COMMIT DROP AS ${COUNTED_EVENTS.replace('$1', `'${day}'::date`)}`,
      );
      await this.foldCounters(tx, day);
      await this.foldReaderSets(tx, day);
      await this.foldClicked(tx, day);
      await this.flagAnomalies(tx, day);
      await tx.query(`DROP TABLE usage_fold_counted`);
      await tx.query(
        `INSERT INTO usage_rollup_days (day, max_event_id, events, folded_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (day) DO UPDATE SET max_event_id = EXCLUDED.max_event_id,
                                         events = EXCLUDED.events, folded_at = now()`,
        [day, stamp.maxId ?? 0, stamp.events],
      );
      return { day, events: stamp.events };
    };
    return outer ? fold(outer) : this.ds.transaction(fold);
  }

  /**
   * Rebuilds every rollup of [from, to] from the raw log, in one transaction (readers of the
   * metrics see the old numbers until it commits, never a half-rebuilt period). Period sets are
   * rebuilt for every whole period the range touches, days in order, so the result equals what
   * incremental folding produced.
   */
  async rebuild(
    from: string,
    to: string,
    onProgress: (done: number, total: number, day: string) => void = () => undefined,
  ): Promise<{ days: number; events: number }> {
    const periods = new Set<string>();
    const days = eachDay(from, to);
    for (const day of days) for (const p of periodsOfDay(day)) periods.add(p);
    const touched = [...periods];
    const bounds = touched.map(periodBounds);
    const first = bounds.reduce((a, b) => (b.first < a ? b.first : a), from);
    const last = bounds.reduce((a, b) => (b.last > a ? b.last : a), to);
    const result = await this.ds.transaction(async (tx) => {
      for (const table of [
        'usage_period_readers',
        'usage_period_reader_counts',
        'usage_period_clicked',
      ])
        await tx.query(`DELETE FROM ${table} WHERE period = ANY($1)`, [touched]);
      // Days outside [from, to] that share a period with it refill the period sets only.
      const withEvents = new Set(
        (
          await tx.query<{ day: string }[]>(
            `SELECT DISTINCT occurred_on::text AS day FROM usage_events WHERE occurred_on BETWEEN $1 AND $2`,
            [first, last],
          )
        ).map((r) => r.day),
      );
      let events = 0;
      const all = eachDay(first, last);
      let done = 0;
      for (const day of all) {
        const inRange = day >= from && day <= to;
        if (inRange) events += (await this.foldDay(tx, day)).events;
        else if (withEvents.has(day)) {
          await this.foldReaderSets(tx, day, touched);
          await this.foldClicked(tx, day, touched);
        }
        done += 1;
        if (inRange || withEvents.has(day)) onProgress(done, all.length, day);
      }
      return { days: days.length, events };
    });
    this.logger.log({ from, to, ...result }, 'usage rollups rebuilt');
    return result;
  }

  private async foldCounters(tx: EntityManager, day: string): Promise<void> {
    await tx.query(
      `INSERT INTO usage_daily_asset (day, asset_id, asset_opd_id, views, anonymous_views, unique_readers,
                                      downloads, unique_downloads, endorsements, reuse_reports,
                                      reuse_reports_other_opd, search_clicks, shares)
       SELECT $1, asset_id, asset_opd_id,
              count(*) FILTER (WHERE type = 'view' AND counted),
              count(*) FILTER (WHERE type = 'view' AND counted AND actor_user_id IS NULL),
              count(DISTINCT actor_user_id) FILTER (WHERE type IN ('view', 'download')),
              count(*) FILTER (WHERE type = 'download' AND counted),
              count(DISTINCT actor_key) FILTER (WHERE type = 'download'),
              coalesce(sum(CASE type WHEN 'endorse' THEN 1 WHEN 'endorse_withdraw' THEN -1 END), 0),
              count(*) FILTER (WHERE type = 'reuse_report'),
              count(*) FILTER (WHERE type = 'reuse_report' AND actor_opd_id IS DISTINCT FROM asset_opd_id),
              count(*) FILTER (WHERE type = 'search_click' AND counted),
              count(*) FILTER (WHERE type = 'share' AND counted)
         FROM usage_fold_counted c
        GROUP BY asset_id, asset_opd_id`,
      [day],
    );
    await tx.query(
      `INSERT INTO usage_daily_opd
       SELECT day, asset_opd_id, sum(views), sum(anonymous_views), sum(downloads), sum(unique_downloads),
              sum(endorsements), sum(reuse_reports), sum(reuse_reports_other_opd), sum(search_clicks),
              sum(shares)
         FROM usage_daily_asset WHERE day = $1 GROUP BY day, asset_opd_id`,
      [day],
    );
    await tx.query(
      `INSERT INTO usage_daily_asset_readers (day, asset_id, reader_opd_id, readers)
       SELECT $1, asset_id, actor_opd_id, count(DISTINCT actor_user_id)
         FROM usage_events
        WHERE occurred_on = $1 AND type IN ('view', 'download') AND excluded IS NULL
          AND actor_user_id IS NOT NULL AND actor_opd_id IS NOT NULL AND asset_id IS NOT NULL
        GROUP BY asset_id, actor_opd_id`,
      [day],
    );
  }

  /**
   * Adds the day's readers to its quarter and year sets (first event of a reader wins) and counts
   * the readers each set actually gained, per asset OPD and reader OPD (so re-running adds none).
   */
  private async foldReaderSets(tx: EntityManager, day: string, only?: string[]): Promise<void> {
    const periods = periodsOfDay(day).filter((p) => !only || only.includes(p));
    await tx.query(
      `WITH added AS (
         INSERT INTO usage_period_readers (period, asset_opd_id, user_id, user_opd_id)
         SELECT DISTINCT ON (p.period, e.asset_opd_id, e.actor_user_id)
                p.period, e.asset_opd_id, e.actor_user_id, e.actor_opd_id
           FROM usage_events e CROSS JOIN unnest($2::text[]) AS p(period)
          WHERE e.occurred_on = $1 AND e.type IN ('view', 'download') AND e.excluded IS NULL
            AND e.actor_user_id IS NOT NULL AND e.actor_opd_id IS NOT NULL AND e.asset_opd_id IS NOT NULL
          ORDER BY p.period, e.asset_opd_id, e.actor_user_id, e.id
         ON CONFLICT DO NOTHING
         RETURNING period, asset_opd_id, user_opd_id)
       INSERT INTO usage_period_reader_counts (period, asset_opd_id, reader_opd_id, readers)
       SELECT period, asset_opd_id, user_opd_id, count(*) FROM added GROUP BY 1, 2, 3
       ON CONFLICT (period, asset_opd_id, reader_opd_id)
       DO UPDATE SET readers = usage_period_reader_counts.readers + EXCLUDED.readers`,
      [day, periods],
    );
  }

  /** Assets clicked from search this day join their periods' clicked sets. */
  private async foldClicked(tx: EntityManager, day: string, only?: string[]): Promise<void> {
    const periods = periodsOfDay(day).filter((p) => !only || only.includes(p));
    await tx.query(
      `INSERT INTO usage_period_clicked (period, asset_opd_id, asset_id)
       SELECT p.period, d.asset_opd_id, d.asset_id
         FROM usage_daily_asset d CROSS JOIN unnest($2::text[]) AS p(period)
        WHERE d.day = $1 AND d.search_clicks > 0
       ON CONFLICT DO NOTHING`,
      [day, periods],
    );
  }

  /**
   * Concentration: one account makes more than half of an asset's counted views of the day (with
   * at least 20). Burst: one account's counted reads of the day reach 200.
   */
  private async flagAnomalies(tx: EntityManager, day: string): Promise<void> {
    await tx.query(
      `WITH c AS (SELECT * FROM usage_fold_counted),
       per_user AS (
         SELECT asset_id, asset_opd_id, actor_user_id, actor_opd_id, count(*) AS n
           FROM c WHERE type = 'view' AND counted AND actor_user_id IS NOT NULL
          GROUP BY 1, 2, 3, 4),
       per_asset AS (
         SELECT asset_id, sum(n) AS total, max(n) AS top FROM per_user GROUP BY asset_id)
       INSERT INTO usage_anomalies (day, kind, asset_id, asset_opd_id, actor_user_id, actor_opd_id, value, total)
       SELECT DISTINCT ON (u.asset_id) $1::date, 'concentration', u.asset_id, u.asset_opd_id, u.actor_user_id,
              u.actor_opd_id, u.n, a.total
         FROM per_user u JOIN per_asset a ON a.asset_id = u.asset_id AND a.top = u.n
        WHERE a.total >= ${CONCENTRATION_MIN_VIEWS} AND u.n > a.total * ${CONCENTRATION_SHARE}
        ORDER BY u.asset_id, u.actor_user_id`,
      [day],
    );
    await tx.query(
      `WITH c AS (SELECT * FROM usage_fold_counted)
       INSERT INTO usage_anomalies (day, kind, actor_user_id, actor_opd_id, value, total)
       SELECT $1::date, 'burst', actor_user_id, min(actor_opd_id::text)::uuid, count(*), count(*)
         FROM c WHERE counted AND type IN ('view', 'download') AND actor_user_id IS NOT NULL
        GROUP BY actor_user_id HAVING count(*) >= ${BURST_MIN_READS}`,
      [day],
    );
  }
}

function periodBounds(period: string): { first: string; last: string } {
  const quarter = period.length > 4 ? Number(period.slice(6)) : undefined;
  return periodDays(Number(period.slice(0, 4)), quarter);
}
