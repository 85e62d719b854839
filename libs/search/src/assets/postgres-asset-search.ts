import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Highlight, MARK_END, MARK_START, toHighlight } from '../highlight';
import { typingWord } from '../query-text';
import type { Reader } from '@lumbung/knowledge';
import { type MeetingMatch, MeetingSearchReader } from '../meetings/meeting-search.reader';
import type { SearchHitDto } from '../http/dto/search-response.dto';
import { assetWhere, meetingsMayMatch, type SearchFilters } from './search-filters';
import { type Candidate, mergeCounts, type SearchOutcome } from './search-outcome';

/** Meeting minutes the fallback considers per search (there are few; all are counted). */
const MAX_MEETINGS = 1000;

interface HitRow {
  id: string;
  type: string;
  title: string;
  summary: string;
  opdCode: string;
  tags: string[];
  publishedAt: string | null;
  hlTitle: string;
  hlSummary: string;
}

interface Ranked {
  id: string;
  kind: 'asset' | 'meeting';
  r: number;
  at: number;
}

type SortKey = 'relevance' | 'newest' | 'oldest' | undefined;

/** The keyword query's counts over every matching asset, and its best ones in order. */
interface AssetMatches {
  total: string;
  typeFacet: Record<string, number> | null;
  opdFacet: Record<string, number> | null;
  tagFacet: Record<string, number> | null;
  top: { id: string; r: number; publishedAt: string | null }[] | null;
}

/**
 * Any word may match (natural questions rarely match word for word). The word being typed
 * (`:typing`, or NULL) also matches as a prefix of the unstemmed words (`pq`). `lx` are the
 * query's stems, one tsquery each, so that a match counts the query's words it holds.
 */
const QQ = `qq AS (
  SELECT COALESCE(NULLIF(replace(plainto_tsquery('indonesian', :q)::text, '&', '|'), ''), '')::tsquery AS tsq,
         CASE WHEN :typing::text IS NULL THEN NULL
              ELSE to_tsquery('simple', quote_literal(:typing::text) || ':*') END AS pq,
         ARRAY(SELECT to_tsquery('simple', quote_literal(l))
                 FROM unnest(tsvector_to_array(to_tsvector('indonesian', :q))) l) AS lx,
         lower(:q::text) AS raw)`;

/**
 * Readable published assets matching the query (or all of them when it is empty), ranked as the
 * engine ranks: first by how many of the query's words they hold (the word being typed as a
 * prefix), then by cover density and title similarity.
 */
const MATCHES = (where: string): string => `
  m AS (
    SELECT a.id, a.type, a.opd_id, a.tags, a.published_at,
           (SELECT count(*) FROM unnest(qq.lx) x WHERE a.search_tsv @@ x)
             + COALESCE((a.terms_tsv @@ qq.pq)::int, 0)
             + ts_rank_cd(a.search_tsv, qq.tsq, 32) + 0.2 * word_similarity(qq.raw, lower(a.title)) AS r
      FROM knowledge_search_assets a, qq
     WHERE a.status = 'published' AND ${where}
       AND (:empty OR a.search_tsv @@ qq.tsq OR word_similarity(qq.raw, lower(a.title)) > 0.45
            OR COALESCE(a.terms_tsv @@ qq.pq, false)
            OR EXISTS (SELECT 1 FROM knowledge_search_asset_files f WHERE f.asset_id = a.id AND f.text_status = 'extracted'
                         AND f.scan_status <> 'pending_scan' AND f.search_tsv @@ qq.tsq)))`;

function order(sort: SortKey): (a: Ranked, b: Ranked) => number {
  if (sort === 'newest') return (a, b) => b.at - a.at || (a.id < b.id ? -1 : 1);
  if (sort === 'oldest') return (a, b) => a.at - b.at || (a.id < b.id ? -1 : 1);
  return (a, b) => b.r - a.r || b.at - a.at || (a.id < b.id ? -1 : 1);
}

/** Assets and meetings ranked together in the page's order, cut to the requested page. */
function rankedPage(
  top: NonNullable<AssetMatches['top']>,
  meetings: readonly MeetingMatch[],
  page: { page: number; limit: number; sort: SortKey },
): Ranked[] {
  return [
    ...top.map((t) => ({
      id: t.id,
      kind: 'asset' as const,
      r: t.r,
      at: t.publishedAt ? Date.parse(t.publishedAt) : 0,
    })),
    ...meetings.map((m) => ({
      id: m.id,
      kind: 'meeting' as const,
      r: m.rank,
      at: m.heldAt.getTime(),
    })),
  ]
    .sort(order(page.sort))
    .slice((page.page - 1) * page.limit, page.page * page.limit);
}

/** How many of the matching meetings each OPD held. */
function meetingsByOpd(meetings: readonly MeetingMatch[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of meetings) counts[m.opdCode] = (counts[m.opdCode] ?? 0) + 1;
  return counts;
}

/**
 * The PostgreSQL fallback: full-text search (`indonesian` configuration, attachment text,
 * trigram similarity on titles for typos) over the same readable set, with meeting minutes from
 * the community context, in the same response shape as Meilisearch.
 */
@Injectable()
export class PostgresAssetSearch {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly community: MeetingSearchReader,
  ) {}

  /** Keyword search: total and facets over every match, one page of them. */
  async keyword(
    reader: Reader | undefined,
    q: string,
    filters: SearchFilters,
    page: { page: number; limit: number; sort: SortKey },
  ): Promise<SearchOutcome> {
    const depth = page.page * page.limit;
    const row = await this.assetMatches(reader, q, filters, page.sort, depth);
    const meetings = await this.meetings(reader, q, filters);
    const ranked = rankedPage(row?.top ?? [], meetings, page);
    const assetHits = new Map(
      (
        await this.hits(
          ranked.filter((r) => r.kind === 'asset').map((r) => r.id),
          q,
        )
      ).map((h) => [h.id, h]),
    );
    const meetingHits = new Map(meetings.map((m) => [m.id, meetingHit(m)]));
    return {
      engine: 'postgres',
      total: Number(row?.total ?? 0) + meetings.length,
      totalIsEstimate: false,
      hits: ranked
        .map((r) => (r.kind === 'asset' ? assetHits.get(r.id) : meetingHits.get(r.id)))
        .filter((h): h is SearchHitDto => Boolean(h)),
      facets: {
        type: mergeCounts(
          row?.typeFacet ?? {},
          meetings.length ? { meeting: meetings.length } : {},
        ),
        opdCode: mergeCounts(row?.opdFacet ?? {}, meetingsByOpd(meetings)),
        tags: row?.tagFacet ?? {},
      },
    };
  }

  /** Counts and facets over every readable matching asset, and the best `depth` of them. */
  private async assetMatches(
    reader: Reader | undefined,
    q: string,
    filters: SearchFilters,
    sort: SortKey,
    depth: number,
  ): Promise<AssetMatches | undefined> {
    const where = assetWhere(reader, filters);
    const sortSql =
      sort === 'newest'
        ? 'published_at DESC, id'
        : sort === 'oldest'
          ? 'published_at ASC, id'
          : 'r DESC, published_at DESC, id';
    const [row] = await this.run<AssetMatches>(
      `WITH ${QQ}, ${MATCHES(where.sql)}
       SELECT (SELECT count(*) FROM m) AS total,
              (SELECT json_object_agg(type, c) FROM (SELECT type, count(*) c FROM m GROUP BY type) x) AS "typeFacet",
              (SELECT json_object_agg(code, c) FROM (SELECT o.code, count(*) c FROM m JOIN identity_opds o ON o.id = m.opd_id GROUP BY o.code) x) AS "opdFacet",
              (SELECT json_object_agg(tag, c) FROM (SELECT t AS tag, count(*) c FROM m, unnest(m.tags) t GROUP BY t ORDER BY c DESC, t LIMIT 100) x) AS "tagFacet",
              (SELECT json_agg(t) FROM (SELECT id, r, published_at AS "publishedAt" FROM m ORDER BY ${sortSql} LIMIT :depth) t) AS top`,
      { ...where.params, q, typing: typingWord(q) ?? null, empty: q === '', depth },
    );
    return row;
  }

  /** A question's best `depth` candidates by PostgreSQL's own rank (assets and meetings). */
  async candidates(
    reader: Reader | undefined,
    q: string,
    filters: SearchFilters,
    depth: number,
  ): Promise<Candidate[]> {
    const where = assetWhere(reader, filters);
    const rows = await this.run<{
      id: string;
      type: string;
      opdCode: string;
      tags: string[];
      r: number;
      publishedAt: string | null;
    }>(
      `WITH ${QQ}, ${MATCHES(where.sql)}
       SELECT m.id, m.type, o.code AS "opdCode", m.tags, m.r, m.published_at AS "publishedAt"
         FROM m JOIN identity_opds o ON o.id = m.opd_id ORDER BY m.r DESC, m.published_at DESC, m.id LIMIT :depth`,
      { ...where.params, q, typing: typingWord(q) ?? null, empty: q === '', depth },
    );
    const meetings = await this.meetings(reader, q, filters);
    const assets = rows.map((r) => ({
      c: { id: r.id, kind: 'asset' as const, type: r.type, opdCode: r.opdCode, tags: r.tags },
      r: r.r,
    }));
    const minutes = meetings.map((m) => ({
      c: {
        id: m.id,
        kind: 'meeting' as const,
        type: 'meeting',
        opdCode: m.opdCode,
        tags: [],
        hit: meetingHit(m),
      },
      r: m.rank,
    }));
    return [...assets, ...minutes]
      .sort((a, b) => b.r - a.r)
      .slice(0, depth)
      .map((x) => x.c);
  }

  /** What facets need of these readable assets (a question's extra candidates). */
  async candidateRows(ids: readonly string[]): Promise<Candidate[]> {
    if (ids.length === 0) return [];
    const rows = await this.ds.query<
      { id: string; type: string; opdCode: string; tags: string[] }[]
    >(
      `SELECT a.id, a.type, o.code AS "opdCode", a.tags FROM knowledge_search_assets a JOIN identity_opds o ON o.id = a.opd_id
        WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids
      .map((id) => byId.get(id))
      .filter((r): r is (typeof rows)[number] => Boolean(r))
      .map((r) => ({ id: r.id, kind: 'asset', type: r.type, opdCode: r.opdCode, tags: r.tags }));
  }

  /** Displayed hits, with PostgreSQL highlights, for asset ids already known to be readable. */
  async hits(ids: readonly string[], q: string): Promise<SearchHitDto[]> {
    if (ids.length === 0) return [];
    const rows = await this.ds.query<HitRow[]>(
      `WITH qq AS (
         SELECT COALESCE(NULLIF(replace(plainto_tsquery('indonesian', $2)::text, '&', '|'), ''), '')::tsquery
                  || CASE WHEN $3::text IS NULL THEN ''::tsquery
                          ELSE to_tsquery('simple', quote_literal($3::text) || ':*') END AS tsq)
       SELECT a.id, a.type, a.title, a.summary, o.code AS "opdCode", a.tags, a.published_at AS "publishedAt",
              ts_headline('indonesian', a.title, qq.tsq, 'StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true') AS "hlTitle",
              ts_headline('indonesian', a.summary, qq.tsq, 'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=10') AS "hlSummary"
         FROM knowledge_search_assets a JOIN identity_opds o ON o.id = a.opd_id, qq
        WHERE a.id = ANY($1::uuid[]) AND a.status = 'published'`,
      [ids, q, typingWord(q) ?? null],
    );
    const byId = new Map(rows.map((r) => [r.id, pgHit(r)]));
    return ids.map((id) => byId.get(id)).filter((h): h is SearchHitDto => Boolean(h));
  }

  private meetings(
    reader: Reader | undefined,
    q: string,
    filters: SearchFilters,
  ): Promise<MeetingMatch[]> {
    if (!meetingsMayMatch(filters)) return Promise.resolve([]);
    return this.community.searchMeetings(
      reader,
      q,
      { opdId: filters.opdId, copId: filters.copId },
      MAX_MEETINGS,
    );
  }

  private async run<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [query, values] = this.ds.driver.escapeQueryWithParameters(sql, params, {});
    return this.ds.query<T[]>(query, values);
  }
}

function pgHit(h: HitRow): SearchHitDto {
  return {
    id: h.id,
    kind: 'asset',
    type: h.type,
    title: h.title,
    summary: h.summary,
    opdCode: h.opdCode,
    tags: h.tags,
    publishedAt: h.publishedAt ? new Date(h.publishedAt).toISOString() : null,
    highlights: [toHighlight('title', h.hlTitle), toHighlight('summary', h.hlSummary)].filter(
      (x): x is Highlight => Boolean(x),
    ),
  };
}

function meetingHit(m: MeetingMatch): SearchHitDto {
  return {
    id: m.id,
    kind: 'meeting',
    type: 'meeting',
    title: m.title,
    summary: m.summary,
    opdCode: m.opdCode,
    tags: [],
    publishedAt: m.heldAt.toISOString(),
    highlights: [
      toHighlight('title', m.markedTitle),
      toHighlight('summary', m.markedSummary),
    ].filter((x): x is Highlight => Boolean(x)),
  };
}
