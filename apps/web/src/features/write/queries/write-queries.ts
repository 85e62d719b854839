import { $api } from '@/lib/api/client';

/** The types and their template sections (labels and guidance in both languages). */
export function useAssetTypesQuery() {
  return $api.useQuery('get', '/api/v1/asset-types', {}, { staleTime: 60 * 60_000 });
}

/** The asset being edited, fresh each time the form opens (never an old cached copy). */
export function useAssetForEditQuery(id: string) {
  return $api.useQuery(
    'get',
    '/api/v1/assets/{id}',
    { params: { path: { id } } },
    { staleTime: 0, gcTime: 0, refetchOnMount: 'always' },
  );
}

/** Tags already in use that contain what is typed (most used first). */
export function useTagSuggestionsQuery(typed: string) {
  return $api.useQuery(
    'get',
    '/api/v1/tags',
    { params: { query: { q: typed || undefined, limit: 10 } } },
    { placeholderData: (previous) => previous },
  );
}

/** People by name or whole NIP (the API needs at least 2 characters). */
export function usePeopleQuery(typed: string) {
  const q = typed.trim();
  return $api.useQuery(
    'get',
    '/api/v1/search/people',
    { params: { query: { q, limit: 10 } } },
    { enabled: q.length >= 2, placeholderData: (previous) => previous },
  );
}

/** The CoPs the writer belongs to or leads (where an asset may be filed). */
export function useMyCopsQuery(enabled: boolean) {
  return $api.useQuery(
    'get',
    '/api/v1/cops',
    { params: { query: { mine: true, limit: 100 } } },
    { enabled },
  );
}
