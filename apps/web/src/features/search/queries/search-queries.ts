import { keepPreviousData } from '@tanstack/react-query';
import { $api, api } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';
import type { SearchParams } from '../search-params';

type SearchQuery = NonNullable<paths['/api/v1/search']['get']['parameters']['query']>;

/** Results per page on the search page. */
export const PAGE_SIZE = 10;

/**
 * The results for the URL's search. Each search is its own cached query, so an answer that
 * arrives late for an older text never replaces the newer one; while the next answer loads, the
 * previous results stay (marked as placeholder) instead of a blank list.
 */
export function useSearchResultsQuery(params: SearchParams) {
  const q = params.q ?? '';
  return $api.useQuery(
    'get',
    '/api/v1/search',
    {
      params: {
        query: {
          q: q || undefined,
          // The API checks the value (an unknown one is a 400 the page shows).
          type: params.type as SearchQuery['type'],
          opd: params.opd,
          tag: params.tag,
          cop: params.cop,
          // Browsing without words: newest first.
          sort: params.sort ?? (q ? undefined : 'newest'),
          page: params.page ?? 1,
          limit: PAGE_SIZE,
        },
      },
    },
    { placeholderData: keepPreviousData, staleTime: 30_000 },
  );
}

/** Completions for what is being typed (titles, tags, people, CoPs the caller may see). */
export function useSuggestQuery(text: string, enabled: boolean) {
  const q = text.trim();
  return $api.useQuery(
    'get',
    '/api/v1/search/suggest',
    { params: { query: { q } } },
    { enabled: enabled && q.length >= 2, placeholderData: keepPreviousData, staleTime: 60_000 },
  );
}

/** "Narasumber": people by name or by the expertise their published assets show. */
export function usePeopleQuery(q: string, enabled: boolean) {
  return $api.useQuery(
    'get',
    '/api/v1/search/people',
    { params: { query: { q, limit: 20 } } },
    { enabled: enabled && q.length >= 2, placeholderData: keepPreviousData },
  );
}

/**
 * Reports that a result was opened (against the search it came from). Fire and forget: the
 * person is already on their way to the asset, and a refused report changes nothing for them.
 */
export function reportClick(searchId: string, assetId: string, position: number): void {
  void api
    .POST('/api/v1/search/{searchId}/clicks', {
      params: { path: { searchId } },
      body: { assetId, position },
    })
    .catch(() => undefined);
}
