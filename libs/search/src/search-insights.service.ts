import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface QueryStat {
  query: string;
  searches: number;
  users: number;
}

export interface SearchInsights {
  from: string;
  to: string;
  opdCode: string | null;
  searches: number;
  /** Share of searches with at least one click on a result. */
  clickThroughRate: number;
  topQueries: QueryStat[];
  /** Questions nobody's knowledge answers yet: the gaps CoPs can close. */
  zeroResultQueries: QueryStat[];
}

/** Aggregates over the search log for admins, OPD admins (their OPD) and assessors. */
@Injectable()
export class SearchInsightsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insights(
    from: Date,
    to: Date,
    opd?: { id: string; code: string },
  ): Promise<SearchInsights> {
    const params = [from, to, opd?.id ?? null];
    const scope = `started_at >= $1 AND started_at < $2 AND ($3::uuid IS NULL OR opd_id = $3::uuid) AND query <> ''`;
    const [totals] = await this.ds.query<{ searches: number; clicked: number }[]>(
      `SELECT count(*)::int AS searches,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM search_clicks c WHERE c.search_id = l.id))::int AS clicked
         FROM search_log l WHERE ${scope}`,
      params,
    );
    const stats = (extra: string) =>
      this.ds.query<QueryStat[]>(
        `SELECT query, count(*)::int AS searches, count(DISTINCT actor_key)::int AS users
           FROM search_log WHERE ${scope} ${extra}
          GROUP BY query ORDER BY searches DESC, users DESC, query LIMIT 20`,
        params,
      );
    const searches = totals?.searches ?? 0;
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      opdCode: opd?.code ?? null,
      searches,
      clickThroughRate:
        searches === 0 ? 0 : Math.round(((totals?.clicked ?? 0) / searches) * 1000) / 1000,
      topQueries: await stats(''),
      zeroResultQueries: await stats('AND result_count = 0'),
    };
  }
}
