import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@lumbung/identity';
import {
  AssetIndex,
  eq,
  HIT_ATTRIBUTES,
  type Highlight,
  inList,
  MARK_END,
  MARK_START,
  MEETING_DOC_PREFIX,
  MeilisearchHttpError,
  SearchCircuitOpenError,
  SearchClient,
  QUESTION_WORDS,
  SearchLogService,
  stemsOf,
  STOP_WORDS,
  toHighlight,
} from '@lumbung/search';
import { type Reader, readablePredicate, readerOf } from '../assets/asset-access';
import { normalizeTags } from '../assets/tags';
import { Bm25Reranker } from './bm25-reranker';
import type { SearchQueryDto } from './dto/search-query.dto';
import type { SearchHitDto, SearchResponseDto } from './dto/search-response.dto';

type Facets = SearchResponseDto['facets'];

/** How many Meilisearch candidates BM25 re-ranks (pages beyond it keep Meilisearch's order). */
const RERANK_DEPTH = 50;
/** …joined by up to this many PostgreSQL candidates for the question's rare words. */
const PG_CANDIDATES = 200;

const STOP_SET = new Set(STOP_WORDS);
type Result = Omit<SearchResponseDto, 'searchId' | 'query' | 'page' | 'limit'>;

/** The Meilisearch access filter, built from the caller's ids only (never from user text). */
export function meiliAccessFilter(reader: Reader | undefined): string | undefined {
  if (!reader) return eq('visibility', 'publik');
  if (reader.isAssessor) return undefined;
  const parts = [
    inList('visibility', ['publik', 'internal']),
    `(${eq('visibility', 'opd')} AND ${eq('opdId', reader.opdId)})`,
  ];
  if (reader.copIds.length > 0) {
    parts.push(`(${eq('visibility', 'cop')} AND ${inList('copId', reader.copIds)})`);
  }
  // Meeting minutes: the CoP's members and its host OPD.
  const meetingScope = [
    eq('opdId', reader.opdId),
    ...(reader.copIds.length > 0 ? [inList('copId', reader.copIds)] : []),
  ];
  parts.push(`(${eq('visibility', 'meeting')} AND (${meetingScope.join(' OR ')}))`);
  return parts.join(' OR ');
}

interface PgRow {
  total: string;
  type_facet: Record<string, number> | null;
  opd_facet: Record<string, number> | null;
  tag_facet: Record<string, number> | null;
  hits:
    | {
        id: string;
        type: string;
        title: string;
        summary: string;
        opd_code: string;
        tags: string[];
        published_at: string | null;
        hl_title: string;
        hl_summary: string;
      }[]
    | null;
}

/**
 * Permission-safe search over published assets: Meilisearch with the caller's access filter
 * AND-ed to their own filters; PostgreSQL full-text search with the very same rules when
 * Meilisearch is unreachable or failing. Every search is logged (bursts collapsed).
 */
@Injectable()
export class AssetSearchService {
  private readonly logger = new Logger('AssetSearch');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly search: SearchClient,
    private readonly index: AssetIndex,
    private readonly log: SearchLogService,
    private readonly bm25: Bm25Reranker,
  ) {}

  async query(
    principal: Principal | undefined,
    dto: SearchQueryDto,
    client: string,
  ): Promise<SearchResponseDto> {
    const reader = readerOf(principal);
    const q = (dto.q ?? '').trim();
    const started = performance.now();
    let result: Result;
    try {
      result = await this.meili(reader, q, dto);
    } catch (error) {
      if (!isEngineFailure(error)) throw error;
      // With the breaker open the client said so once; no line per search.
      if (!(error instanceof SearchCircuitOpenError)) {
        this.logger.warn(
          { err: String(error) },
          'Meilisearch unavailable; answering from PostgreSQL',
        );
      }
      result = await this.postgres(reader, q, dto);
    }
    const searchId = await this.log.record(
      { userId: reader?.userId, opdId: reader?.opdId, client },
      {
        query: q,
        filters: { type: dto.type, opd: dto.opd, tag: dto.tag, cop: dto.cop, sort: dto.sort },
        resultCount: result.total,
        engine: result.engine,
        durationMs: performance.now() - started,
      },
    );
    return { ...result, query: q, page: dto.page, limit: dto.limit, searchId };
  }

  private userFilters(dto: SearchQueryDto): string[] {
    const filters: string[] = [];
    if (dto.type) filters.push(eq('type', dto.type));
    if (dto.opd) filters.push(eq('opdCode', dto.opd));
    const tag = dto.tag ? normalizeTags([dto.tag])[0] : undefined;
    if (dto.tag) filters.push(eq('tags', tag ?? '-'));
    if (dto.cop) filters.push(eq('copId', dto.cop));
    return filters;
  }

  private async meili(reader: Reader | undefined, q: string, dto: SearchQueryDto): Promise<Result> {
    const access = meiliAccessFilter(reader);
    const filter = [...(access ? [access] : []), ...this.userFilters(dto)];
    // Long questions keep their rarer words only (an IDF of sorts Meilisearch lacks); the query's
    // stems meet the indexed stems; "frequency" drops the most common words first when not every
    // word matches (natural questions rarely match word for word).
    const question = isQuestion(q);
    const focused = question ? await this.focus(q) : q;
    const extra = stemsOf(focused);
    // Natural questions: BM25 re-ranks the first candidates (see Bm25Reranker).
    const rerank = !dto.sort && question && dto.page * dto.limit <= RERANK_DEPTH;
    const res = await this.search.search(this.index.uid, {
      q: extra ? `${focused} ${extra}` : focused,
      filter,
      facets: ['type', 'opdCode', 'tags'],
      offset: rerank ? 0 : (dto.page - 1) * dto.limit,
      limit: rerank ? RERANK_DEPTH : dto.limit,
      matchingStrategy: 'frequency',
      sort:
        dto.sort === 'newest'
          ? ['publishedAt:desc']
          : dto.sort === 'oldest'
            ? ['publishedAt:asc']
            : undefined,
      attributesToRetrieve: [...HIT_ATTRIBUTES],
      // Highlights only when there are words to mark. A cropped snippet of the body text (which
      // costs Meilisearch most of a keyword search's time) only for questions, whose answer
      // usually sits in the body.
      ...(q ? { attributesToHighlight: ['title', 'summary'] } : {}),
      ...(question ? { attributesToCrop: ['body', 'attachmentText'], cropLength: 20 } : {}),
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
    });
    const dist = res.facetDistribution ?? {};
    const found: SearchHitDto[] = res.hits.map((h) => {
      const f = (h._formatted ?? {}) as Record<string, unknown>;
      const text = (k: string): string => (typeof f[k] === 'string' ? f[k] : '');
      const highlights = [
        toHighlight('title', text('title')),
        toHighlight('summary', text('summary')),
        ...['body', 'attachmentText'].map((k) => toHighlight('text', text(k))),
      ].filter((x): x is Highlight => Boolean(x));
      const kind = h.kind === 'meeting' ? 'meeting' : 'asset';
      return {
        id: kind === 'meeting' ? String(h.id).slice(MEETING_DOC_PREFIX.length) : String(h.id),
        kind,
        type: String(h.type),
        title: String(h.title),
        summary: String(h.summary),
        opdCode: String(h.opdCode),
        tags: h.tags as string[],
        publishedAt:
          typeof h.publishedAt === 'number' ? new Date(h.publishedAt).toISOString() : null,
        highlights: highlights.slice(0, 3),
      };
    });
    const hits = rerank ? await this.reranked(reader, q, dto, found) : found;
    return {
      engine: 'meilisearch',
      total: res.estimatedTotalHits ?? 0,
      totalIsEstimate: true,
      hits,
      facets: {
        type: dist.type ?? {},
        opdCode: dist.opdCode ?? {},
        tags: topN(dist.tags ?? {}, 100),
      },
    };
  }

  /**
   * One page of BM25 order over Meilisearch's first candidates and PostgreSQL's candidates for
   * the question's rare words (same access rules and filters); ties and meeting minutes keep
   * Meilisearch's order. Hits only PostgreSQL found are loaded with PostgreSQL highlights.
   */
  private async reranked(
    reader: Reader | undefined,
    q: string,
    dto: SearchQueryDto,
    found: SearchHitDto[],
  ): Promise<SearchHitDto[]> {
    const known = new Set(found.filter((h) => h.kind === 'asset').map((h) => h.id));
    const extra = (await this.bm25.candidates(q, this.pgWhere(reader, dto), PG_CANDIDATES)).filter(
      (id) => !known.has(id),
    );
    const scores = await this.bm25.scores(q, [...known, ...extra]);
    const ordered = [
      ...found.map((h, i) => ({ id: h.kind === 'asset' ? h.id : null, hit: h, i })),
      ...extra.map((id, j) => ({ id, hit: undefined, i: found.length + j })),
    ]
      .map((c) => ({ ...c, s: c.id ? (scores.get(c.id) ?? 0) : -1 }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice((dto.page - 1) * dto.limit, dto.page * dto.limit);
    const missing = ordered.filter((c) => !c.hit).map((c) => c.id);
    const loaded = new Map((await this.pgHits(missing, q)).map((h) => [h.id, h]));
    return ordered
      .map((c) => c.hit ?? loaded.get(c.id))
      .filter((h): h is SearchHitDto => Boolean(h));
  }

  /**
   * For questions of three or more content words, drops the words that occur in more than a tenth
   * of the index (counts from one multi-search), keeping at least the two rarest. Tuned on the
   * Indonesian tune split: MRR@10 0.536 → 0.639 (test/bench/search-relevance.bench.mjs).
   */
  private async focus(q: string): Promise<string> {
    const words = contentWords(q);
    if (words.length < 3) return q;
    const uid = this.index.uid;
    const { results } = await this.search.multiSearch({
      queries: [
        { indexUid: uid, q: '', limit: 0 },
        ...words.map((w) => ({ indexUid: uid, q: w, limit: 0, matchingStrategy: 'all' as const })),
      ],
    });
    const total = results[0]?.estimatedTotalHits ?? 0;
    if (total === 0) return q;
    const df = words.map((w, i) => ({ w, n: results[i + 1]?.estimatedTotalHits ?? 0 }));
    const rare = df.filter((d) => d.n / total <= 0.1);
    const keep = rare.length >= 2 ? rare : [...df].sort((a, b) => a.n - b.n).slice(0, 2);
    return keep.map((d) => d.w).join(' ');
  }

  /** The access predicate every read path uses, and the user's filters, over `assets a`. */
  private pgWhere(
    reader: Reader | undefined,
    dto: SearchQueryDto,
  ): { sql: string; params: Record<string, unknown> } {
    const pred = readablePredicate('a', reader);
    return {
      sql: `${pred.sql}
           AND (:type::text IS NULL OR a.type = :type)
           AND (:opd::text IS NULL OR a.opd_id = (SELECT id FROM opds WHERE code = :opd))
           AND (:tag::text IS NULL OR :tag = ANY(a.tags))
           AND (:cop::uuid IS NULL OR a.cop_id = :cop)`,
      params: {
        ...pred.params,
        type: dto.type ?? null,
        opd: dto.opd ?? null,
        tag: dto.tag ? (normalizeTags([dto.tag])[0] ?? '-') : null,
        cop: dto.cop ?? null,
      },
    };
  }

  /** Hits for ids already known to be readable, with PostgreSQL highlights (re-ranked extras). */
  private async pgHits(ids: string[], q: string): Promise<SearchHitDto[]> {
    if (ids.length === 0) return [];
    const rows = await this.ds.query<NonNullable<PgRow['hits']>>(
      `WITH qq AS (SELECT COALESCE(NULLIF(replace(plainto_tsquery('indonesian', $2)::text, '&', '|'), ''), '')::tsquery AS tsq)
       SELECT a.id, a.type, a.title, a.summary, o.code AS opd_code, a.tags, a.published_at,
              ts_headline('indonesian', a.title, qq.tsq, 'StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true') AS hl_title,
              ts_headline('indonesian', a.summary, qq.tsq, 'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=10') AS hl_summary
         FROM assets a JOIN opds o ON o.id = a.opd_id, qq
        WHERE a.id = ANY($1::uuid[]) AND a.status = 'published'`,
      [ids, q],
    );
    return rows.map(pgHit);
  }

  /** The fallback: same access predicate as every other read path, plus the same user filters. */
  private async postgres(
    reader: Reader | undefined,
    q: string,
    dto: SearchQueryDto,
  ): Promise<Result> {
    const where = this.pgWhere(reader, dto);
    const params: Record<string, unknown> = {
      ...where.params,
      q,
      empty: q === '',
      limit: dto.limit,
      offset: (dto.page - 1) * dto.limit,
    };
    const order =
      dto.sort === 'newest'
        ? 'published_at DESC, id'
        : dto.sort === 'oldest'
          ? 'published_at ASC, id'
          : 'r DESC, published_at DESC, id';
    const sql = `
      WITH qq AS (
        -- Any word may match (natural questions rarely match word for word); rank rewards more.
        SELECT COALESCE(NULLIF(replace(plainto_tsquery('indonesian', :q)::text, '&', '|'), ''), '')::tsquery AS tsq,
               lower(:q::text) AS raw),
      m AS (
        SELECT a.id, a.type, a.opd_id, a.tags, a.published_at,
               ts_rank_cd(a.search_tsv, qq.tsq, 32) + 0.2 * word_similarity(qq.raw, lower(a.title)) AS r
          FROM assets a, qq
         WHERE a.status = 'published' AND ${where.sql}
           AND (:empty OR a.search_tsv @@ qq.tsq OR word_similarity(qq.raw, lower(a.title)) > 0.45
                OR EXISTS (SELECT 1 FROM attachments f WHERE f.asset_id = a.id AND f.text_status = 'extracted'
                             AND f.scan_status <> 'pending_scan' AND f.search_tsv @@ qq.tsq)))
      SELECT (SELECT count(*) FROM m) AS total,
             (SELECT json_object_agg(type, c) FROM (SELECT type, count(*) c FROM m GROUP BY type) x) AS type_facet,
             (SELECT json_object_agg(code, c) FROM (SELECT o.code, count(*) c FROM m JOIN opds o ON o.id = m.opd_id GROUP BY o.code) x) AS opd_facet,
             (SELECT json_object_agg(tag, c) FROM (SELECT t AS tag, count(*) c FROM m, unnest(m.tags) t GROUP BY t ORDER BY c DESC, t LIMIT 100) x) AS tag_facet,
             (SELECT json_agg(h) FROM (
                SELECT a.id, a.type, a.title, a.summary, o.code AS opd_code, a.tags, a.published_at,
                       ts_headline('indonesian', a.title, qq.tsq, 'StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true') AS hl_title,
                       ts_headline('indonesian', a.summary, qq.tsq, 'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=10') AS hl_summary
                  FROM (SELECT id, r, published_at FROM m ORDER BY ${order} LIMIT :limit OFFSET :offset) top
                  JOIN assets a ON a.id = top.id JOIN opds o ON o.id = a.opd_id, qq
                 ORDER BY ${order.replace(/(^|, )(r|published_at|id)\b/g, '$1top.$2')}) h) AS hits`;
    const [query, values] = this.ds.driver.escapeQueryWithParameters(sql, params, {});
    const [row] = await this.ds.query<PgRow[]>(query, values);
    const total = Number(row?.total ?? 0);
    return {
      engine: 'postgres',
      total,
      totalIsEstimate: false,
      hits: (row?.hits ?? []).map(pgHit),
      facets: {
        type: row?.type_facet ?? {},
        opdCode: row?.opd_facet ?? {},
        tags: row?.tag_facet ?? {},
      } satisfies Facets,
    };
  }
}

function pgHit(h: NonNullable<PgRow['hits']>[number]): SearchHitDto {
  return {
    id: h.id,
    kind: 'asset',
    type: h.type,
    title: h.title,
    summary: h.summary,
    opdCode: h.opd_code,
    tags: h.tags,
    publishedAt: h.published_at ? new Date(h.published_at).toISOString() : null,
    highlights: [toHighlight('title', h.hl_title), toHighlight('summary', h.hl_summary)].filter(
      (x): x is Highlight => Boolean(x),
    ),
  };
}

const QUESTION_SET = new Set(QUESTION_WORDS);

/**
 * Natural questions (and long keyword strings) get BM25 re-ranking; short keyword queries keep
 * Meilisearch's order (typo and prefix tolerance matter more there, and they stay fast).
 */
export function isQuestion(q: string): boolean {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return (
    q.trim().endsWith('?') || words.some((w) => QUESTION_SET.has(w)) || contentWords(q).length >= 4
  );
}

/** The distinct words of a query that are not stop words, lower-cased. */
function contentWords(q: string): string[] {
  return [
    ...new Set((q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP_SET.has(w))),
  ];
}

function topN(counts: Record<string, number>, n: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, n),
  );
}

/** Connection failures, timeouts, server errors and a missing index mean "use the fallback". */
function isEngineFailure(error: unknown): boolean {
  // Every request of a search goes through SearchClient.search/multiSearch, which report any
  // failure so. API errors count too: our filters are built by the server, so a refused one means
  // the index is not ready (missing, settings not yet applied), not a bad request.
  return error instanceof MeilisearchHttpError;
}
