import type { SearchHitDto, SearchResponseDto } from '../http/dto/search-response.dto';

export type Facets = SearchResponseDto['facets'];

/** What an engine answers: one set of readable results, counted, faceted and paged together. */
export interface SearchOutcome {
  engine: 'meilisearch' | 'postgres';
  total: number;
  totalIsEstimate: boolean;
  hits: SearchHitDto[];
  facets: Facets;
}

/** One result of a candidate pool (a question's results), with what facets count. */
export interface Candidate {
  id: string;
  kind: 'asset' | 'meeting';
  type: string;
  opdCode: string;
  tags: string[];
  /** The displayed hit, when the engine that found it already built one. */
  hit?: SearchHitDto;
}

/** The tag facet keeps its 100 most frequent values. */
export const TAG_FACET_SIZE = 100;

export function topN(counts: Record<string, number>, n: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, n),
  );
}

/** Facet counts over a whole candidate pool (so they sum to its total). */
export function facetsOf(pool: readonly Candidate[]): Facets {
  const type: Record<string, number> = {};
  const opdCode: Record<string, number> = {};
  const tags: Record<string, number> = {};
  for (const c of pool) {
    type[c.type] = (type[c.type] ?? 0) + 1;
    opdCode[c.opdCode] = (opdCode[c.opdCode] ?? 0) + 1;
    for (const t of new Set(c.tags)) tags[t] = (tags[t] ?? 0) + 1;
  }
  return { type, opdCode, tags: topN(tags, TAG_FACET_SIZE) };
}

/** Adds counts (the fallback's assets and meetings). */
export function mergeCounts(
  a: Record<string, number>,
  b: Record<string, number>,
): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}
