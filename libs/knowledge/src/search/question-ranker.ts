import { Injectable } from '@nestjs/common';
import { typingWord } from '@lumbung/search';
import type { Reader } from '../assets/asset-access';
import { Bm25Reranker } from './bm25-reranker';
import type { SearchHitDto } from './dto/search-response.dto';
import { PostgresAssetSearch } from './postgres-asset-search';
import { assetWhere, type SearchFilters } from './search-filters';
import { type Candidate, facetsOf, type SearchOutcome } from './search-outcome';

/** How many of an engine's own candidates a question pools. */
export const ENGINE_DEPTH = 50;
/** …joined by up to this many PostgreSQL candidates for the question's rarer words. */
export const PG_CANDIDATES = 200;

/**
 * Natural questions: the engine's best candidates and PostgreSQL's candidates for the question's
 * rarer words and stems (same access rules and filters) form ONE pool, ordered by BM25 over the
 * term vectors PostgreSQL keeps per asset. The pool is the question's result set: its size is
 * the total, facets count it, and every page is a slice of it. Meeting minutes (no BM25 fields)
 * keep the engine's order after the scored assets.
 */
@Injectable()
export class QuestionRanker {
  constructor(
    private readonly bm25: Bm25Reranker,
    private readonly pg: PostgresAssetSearch,
  ) {}

  async rank(
    reader: Reader | undefined,
    q: string,
    filters: SearchFilters,
    page: { page: number; limit: number },
    engine: SearchOutcome['engine'],
    primary: readonly Candidate[],
  ): Promise<SearchOutcome> {
    const known = new Set(primary.filter((c) => c.kind === 'asset').map((c) => c.id));
    const extraIds = (
      await this.bm25.candidates(q, assetWhere(reader, filters), PG_CANDIDATES)
    ).filter((id) => !known.has(id));
    const assetIds = [...known, ...extraIds];
    const [extra, scores] = await Promise.all([
      this.pg.candidateRows(extraIds),
      this.bm25.scores(q, assetIds, typingWord(q)),
    ]);
    const pool = [...primary, ...extra];
    const ordered = pool
      .map((c, i) => ({ c, i, s: c.kind === 'asset' ? (scores.get(c.id) ?? 0) : -1 }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice((page.page - 1) * page.limit, page.page * page.limit)
      .map((x) => x.c);
    const loaded = new Map(
      (
        await this.pg.hits(
          ordered.filter((c) => !c.hit).map((c) => c.id),
          q,
        )
      ).map((h) => [h.id, h]),
    );
    return {
      engine,
      total: pool.length,
      totalIsEstimate: false,
      hits: ordered
        .map((c) => c.hit ?? loaded.get(c.id))
        .filter((h): h is SearchHitDto => Boolean(h)),
      facets: facetsOf(pool),
    };
  }
}
