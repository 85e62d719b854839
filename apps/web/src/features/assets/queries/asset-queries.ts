import { useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api/client';
import type { Schemas } from '@/lib/api/types';

export type Asset = Schemas['AssetResponseDto'];
export type AssetType = Schemas['AssetTypeDto'];
export type EndorsementState = Schemas['EndorsementStateDto'];

const byId = (id: string) => ({ params: { path: { id } } });

/**
 * The asset, as its detail read: the API records this read as the reader's `view` (the event a
 * reuse report needs first). A 404 means missing or not readable: the page cannot tell apart.
 */
export function useAssetQuery(id: string) {
  return $api.useQuery('get', '/api/v1/assets/{id}', byId(id));
}

/** Types with their labels and template sections (static: cached for the visit). */
export function useAssetTypesQuery() {
  return $api.useQuery('get', '/api/v1/asset-types', {}, { staleTime: Infinity });
}

/** The owning OPD, for its name. */
export function useOpdQuery(code: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/v1/opds/{code}',
    { params: { path: { code: code ?? '' } } },
    { enabled: !!code, staleTime: Infinity },
  );
}

export function useEndorsementQuery(id: string, enabled: boolean) {
  return $api.useQuery('get', '/api/v1/assets/{id}/endorsement', byId(id), { enabled });
}

/**
 * "Bermanfaat" on or off. The answer (count and mine) replaces the cached state, so the button
 * and the count change together.
 */
export function useEndorseMutation(id: string) {
  const queryClient = useQueryClient();
  const onSuccess = (state: EndorsementState) =>
    queryClient.setQueryData(
      $api.queryOptions('get', '/api/v1/assets/{id}/endorsement', byId(id)).queryKey,
      state,
    );
  const endorse = $api.useMutation('post', '/api/v1/assets/{id}/endorsement', { onSuccess });
  const withdraw = $api.useMutation('delete', '/api/v1/assets/{id}/endorsement', { onSuccess });
  return { endorse, withdraw };
}

export function useReuseReportsQuery(id: string, enabled: boolean) {
  return $api.useQuery('get', '/api/v1/assets/{id}/reuse-reports', byId(id), { enabled });
}

/** "Saya terapkan": the story of how it was applied; the list shows it afterwards. */
export function useReportReuseMutation(id: string) {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/v1/assets/{id}/reuse-reports', {
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: $api.queryOptions('get', '/api/v1/assets/{id}/reuse-reports', byId(id)).queryKey,
      }),
  });
}

/** A share, reported once per copy (the Idempotency-Key makes a retried request one event). */
export function useShareEventMutation() {
  return $api.useMutation('post', '/api/v1/events');
}

export function useRelatedQuery(id: string, enabled: boolean) {
  return $api.useQuery('get', '/api/v1/assets/{id}/related', byId(id), { enabled });
}

export function useRevisionsQuery(id: string) {
  return $api.useQuery('get', '/api/v1/assets/{id}/revisions', byId(id));
}

export function useRevisionQuery(id: string, n: number | undefined) {
  return $api.useQuery(
    'get',
    '/api/v1/assets/{id}/revisions/{n}',
    { params: { path: { id, n: n ?? 0 } } },
    { enabled: n !== undefined && n >= 1, staleTime: Infinity },
  );
}
