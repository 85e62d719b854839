import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@lumbung/identity';
import { isQuestion } from '../query-text';
import { MeilisearchHttpError, SearchCircuitOpenError } from '../search-client';
import { SearchLogService } from '../search-log.service';
import { type Reader, readerOf } from '@lumbung/knowledge';
import type { SearchQueryDto } from '../http/dto/search-query.dto';
import type { SearchResponseDto } from '../http/dto/search-response.dto';
import { MeiliAssetSearch } from './meili-asset-search';
import { PostgresAssetSearch } from './postgres-asset-search';
import { ENGINE_DEPTH, QuestionRanker } from './question-ranker';
import { FEW_HITS, SearchHelpService } from './search-help.service';
import { SearchFilterResolver, type SearchFilters } from './search-filters';
import type { Candidate, SearchOutcome } from './search-outcome';

/**
 * Permission-safe search over published assets and meeting minutes: Meilisearch with the
 * caller's access filter AND-ed to their own filters; PostgreSQL with the very same rules when
 * Meilisearch is unreachable or failing. Keyword queries keep the engine's order; natural
 * questions are ranked over one candidate pool (QuestionRanker), the same way on both engines.
 * Every search is logged (bursts collapsed); a search that finds little carries suggestions.
 */
@Injectable()
export class AssetSearchService {
  private readonly logger = new Logger('AssetSearch');

  constructor(
    private readonly filters: SearchFilterResolver,
    private readonly meili: MeiliAssetSearch,
    private readonly pg: PostgresAssetSearch,
    private readonly ranker: QuestionRanker,
    private readonly help: SearchHelpService,
    private readonly log: SearchLogService,
  ) {}

  async query(
    principal: Principal | undefined,
    dto: SearchQueryDto,
    client: string,
  ): Promise<SearchResponseDto> {
    const reader = readerOf(principal);
    const q = (dto.q ?? '').trim();
    const filters = await this.filters.resolve(principal, dto);
    const started = performance.now();
    const outcome = await this.answer(reader, q, filters, dto);
    const [searchId, suggestions] = await Promise.all([
      this.log.record(
        { userId: reader?.userId, opdId: reader?.opdId, client },
        {
          query: q,
          filters: {
            type: filters.type,
            opd: filters.opdCode,
            tag: filters.tag,
            cop: filters.copId,
            sort: dto.sort,
          },
          resultCount: outcome.total,
          engine: outcome.engine,
          durationMs: performance.now() - started,
        },
      ),
      q && outcome.total < FEW_HITS ? this.help.suggestions(reader, q) : undefined,
    ]);
    return {
      ...outcome,
      query: q,
      page: dto.page,
      limit: dto.limit,
      searchId,
      ...(suggestions ? { suggestions } : {}),
    };
  }

  private async answer(
    reader: Reader | undefined,
    q: string,
    filters: SearchFilters,
    dto: SearchQueryDto,
  ): Promise<SearchOutcome> {
    const page = { page: dto.page, limit: dto.limit, sort: dto.sort };
    const question = (!dto.sort || dto.sort === 'relevance') && isQuestion(q);
    if (!question) {
      return this.engine(
        () => this.meili.keyword(reader, q, filters, page),
        () => this.pg.keyword(reader, q, filters, page),
      );
    }
    let engine: SearchOutcome['engine'] = 'meilisearch';
    const primary = await this.engine<Candidate[]>(
      () => this.meili.candidates(reader, q, filters, ENGINE_DEPTH),
      () => {
        engine = 'postgres';
        return this.pg.candidates(reader, q, filters, ENGINE_DEPTH);
      },
    );
    return this.ranker.rank(reader, q, filters, page, engine, primary);
  }

  /** Meilisearch, or PostgreSQL when it is unreachable, failing or its breaker is open. */
  private async engine<T>(meili: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    try {
      return await meili();
    } catch (error) {
      // Every request of a search goes through SearchClient, which reports any failure as a
      // MeilisearchHttpError. API errors count too: our filters are built by the server, so a
      // refused one means the index is not ready (missing, settings not yet applied).
      if (!(error instanceof MeilisearchHttpError)) throw error;
      // With the breaker open the client said so once; no line per search.
      if (!(error instanceof SearchCircuitOpenError)) {
        this.logger.warn(
          { err: String(error) },
          'Meilisearch unavailable; answering from PostgreSQL',
        );
      }
      return fallback();
    }
  }
}
