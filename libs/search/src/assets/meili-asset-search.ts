import { Injectable } from '@nestjs/common';
import { eq, inList } from '@lumbung/platform';
import { AssetIndex, HIT_ATTRIBUTES, MEETING_DOC_PREFIX } from '../asset-index';
import { contentWords, typingWord, withExpansions } from '../query-text';
import { type Highlight, MARK_END, MARK_START, toHighlight } from '../highlight';
import { SearchClient } from '../search-client';
import { stemsOf } from '../indonesian-stem';
import { type Reader, readableFilter } from '@lumbung/knowledge';
import type { SearchHitDto } from '../http/dto/search-response.dto';
import { meiliFilters, type SearchFilters } from './search-filters';
import { type Candidate, type SearchOutcome, TAG_FACET_SIZE, topN } from './search-outcome';

/** Meilisearch counts exactly up to this many hits (the index's pagination.maxTotalHits). */
export const MAX_TOTAL_HITS = 1000;

/**
 * The Meilisearch access filter, built from the caller's ids only (never from user text): asset
 * documents by the asset read rule ({@link readableFilter}), meeting minutes by the community's
 * rule (internal minutes for every signed-in user, the others for the CoP's members and its host
 * OPD; none for anonymous callers). Undefined for assessors, who read both in full.
 */
export function meiliAccessFilter(reader: Reader | undefined): string | undefined {
  const assetRule = readableFilter(reader);
  if (assetRule === undefined) return undefined;
  const assets = `(${eq('kind', 'asset')} AND (${assetRule}))`;
  if (!reader) return assets;
  const meetingScope = [
    eq('visibility', 'internal'),
    eq('opdId', reader.opdId),
    ...(reader.copIds.length > 0 ? [inList('copId', reader.copIds)] : []),
  ];
  return `${assets} OR (${eq('kind', 'meeting')} AND (${meetingScope.join(' OR ')}))`;
}

/** The access filter and the search's own filters, as one AND-ed list. */
export function meiliFilterList(reader: Reader | undefined, filters: SearchFilters): string[] {
  const access = meiliAccessFilter(reader);
  return [...(access ? [access] : []), ...meiliFilters(filters)];
}

type SortKey = 'relevance' | 'newest' | 'oldest' | undefined;

function meiliSort(sort: SortKey): string[] | undefined {
  if (sort === 'newest') return ['publishedAt:desc'];
  if (sort === 'oldest') return ['publishedAt:asc'];
  return undefined;
}

/**
 * The text Meilisearch gets: the query's Indonesian stems (which meet the indexed `stems`
 * attribute) before the user's own words, so the word being typed stays last and is matched as
 * a prefix.
 */
export function meiliQueryText(q: string): string {
  const stems = stemsOf(q);
  return withExpansions(q, stems ? stems.split(' ') : []);
}

/** Search over the Meilisearch index (assets and meeting minutes), permission-safe. */
@Injectable()
export class MeiliAssetSearch {
  constructor(
    private readonly search: SearchClient,
    private readonly index: AssetIndex,
  ) {}

  /**
   * Keyword search in the engine's order. `page`/`hitsPerPage` make Meilisearch count the
   * matches exactly (up to {@link MAX_TOTAL_HITS}), so total, facets and pages agree.
   */
  async keyword(
    reader: Reader | undefined,
    q: string,
    filters: SearchFilters,
    page: { page: number; limit: number; sort: SortKey },
  ): Promise<SearchOutcome> {
    const res = await this.search.search(this.index.uid, {
      q: meiliQueryText(q),
      filter: meiliFilterList(reader, filters),
      facets: ['type', 'opdCode', 'tags'],
      page: page.page,
      hitsPerPage: page.limit,
      matchingStrategy: 'frequency',
      sort: meiliSort(page.sort),
      attributesToRetrieve: [...HIT_ATTRIBUTES],
      // Highlights only when there are words to mark; a cropped body snippet costs most of a
      // keyword search's time, so only questions get one.
      ...(q ? { attributesToHighlight: ['title', 'summary'] } : {}),
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
    });
    const dist = res.facetDistribution ?? {};
    const total = res.totalHits ?? res.estimatedTotalHits ?? 0;
    return {
      engine: 'meilisearch',
      total,
      totalIsEstimate: total >= MAX_TOTAL_HITS,
      hits: res.hits.map(toHit),
      facets: {
        type: dist.type ?? {},
        opdCode: dist.opdCode ?? {},
        tags: topN(dist.tags ?? {}, TAG_FACET_SIZE),
      },
    };
  }

  /** A question's best `depth` candidates by the engine, with hits (and a body snippet) built. */
  async candidates(
    reader: Reader | undefined,
    q: string,
    filters: SearchFilters,
    depth: number,
  ): Promise<Candidate[]> {
    const focused = await this.focus(q);
    const res = await this.search.search(this.index.uid, {
      q: meiliQueryText(focused),
      filter: meiliFilterList(reader, filters),
      limit: depth,
      matchingStrategy: 'frequency',
      attributesToRetrieve: [...HIT_ATTRIBUTES],
      attributesToHighlight: ['title', 'summary'],
      attributesToCrop: ['body', 'attachmentText'],
      cropLength: 20,
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
    });
    return res.hits.map((h) => {
      const hit = toHit(h);
      return {
        id: hit.id,
        kind: hit.kind,
        type: hit.type,
        opdCode: hit.opdCode,
        tags: hit.tags,
        hit,
      };
    });
  }

  /**
   * For questions of three or more content words, keeps the words that occur in at most a tenth
   * of the index (counts from one multi-search), at least the two rarest, in the user's order;
   * the word being typed is always kept, last. Tuned on the Indonesian tune split: MRR@10
   * 0.536 → 0.639 (test/bench/search-relevance.bench.mjs).
   */
  async focus(q: string): Promise<string> {
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
    const keep = new Set(
      (rare.length >= 2 ? rare : [...df].sort((a, b) => a.n - b.n).slice(0, 2)).map((d) => d.w),
    );
    const typing = typingWord(q);
    const kept = words.filter((w) => keep.has(w) && w !== typing);
    return [...kept, ...(typing ? [typing] : [])].join(' ');
  }
}

/** A Meilisearch hit as the API shows it (highlights as plain text plus ranges). */
export function toHit(h: Record<string, unknown>): SearchHitDto {
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
    publishedAt: typeof h.publishedAt === 'number' ? new Date(h.publishedAt).toISOString() : null,
    highlights: highlights.slice(0, 3),
  };
}
