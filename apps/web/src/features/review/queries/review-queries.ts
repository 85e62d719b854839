import { useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api/client';

export const REVIEW_PAGE_SIZE = 10;

export type ReviewList = 'submitted' | 'overdue' | 'soon';

/**
 * A verifier decides on what the authors submitted last: the lists and the asset are read again
 * whenever they are opened (authors may have changed them meanwhile).
 */
const FRESH = { staleTime: 0 } as const;

/** One page of a verifier's list: submissions (oldest first) or re-verification due. */
export function useReviewListQuery(list: ReviewList, page: number) {
  const queue = $api.useQuery(
    'get',
    '/api/v1/review/queue',
    { params: { query: { page, limit: REVIEW_PAGE_SIZE } } },
    { ...FRESH, enabled: list === 'submitted' },
  );
  const due = $api.useQuery(
    'get',
    '/api/v1/review/reverification',
    {
      params: {
        query: { state: list === 'soon' ? 'soon' : 'overdue', page, limit: REVIEW_PAGE_SIZE },
      },
    },
    { ...FRESH, enabled: list !== 'submitted' },
  );
  return list === 'submitted' ? queue : due;
}

/** How many wait in each list (the tabs' counts): the first page's totals. */
export function useReviewCounts() {
  const one = { page: 1, limit: 1 };
  const submitted = $api.useQuery('get', '/api/v1/review/queue', { params: { query: one } }, FRESH);
  const overdue = $api.useQuery(
    'get',
    '/api/v1/review/reverification',
    { params: { query: { ...one, state: 'overdue' } } },
    FRESH,
  );
  const soon = $api.useQuery(
    'get',
    '/api/v1/review/reverification',
    { params: { query: { ...one, state: 'soon' } } },
    FRESH,
  );
  return {
    submitted: submitted.data?.total,
    overdue: overdue.data?.total,
    soon: soon.data?.total,
  };
}

export function useReviewAssetQuery(id: string) {
  return $api.useQuery('get', '/api/v1/assets/{id}', { params: { path: { id } } }, FRESH);
}

export function useAssetTypesQuery() {
  return $api.useQuery('get', '/api/v1/asset-types', {}, { staleTime: Infinity });
}

/** After a decision, every list and the asset itself are read again. */
function useRefreshAfterDecision() {
  const client = useQueryClient();
  return (id: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['get', '/api/v1/review/queue'] }),
      client.invalidateQueries({ queryKey: ['get', '/api/v1/review/reverification'] }),
      client.invalidateQueries({ queryKey: ['get', '/api/v1/assets'] }),
      client.invalidateQueries({
        queryKey: ['get', '/api/v1/assets/{id}', { params: { path: { id } } }],
      }),
    ]);
}

export function useApproveMutation() {
  const refresh = useRefreshAfterDecision();
  return $api.useMutation('post', '/api/v1/assets/{id}/approve', {
    onSuccess: (asset) => refresh(asset.id),
  });
}

export function useRejectMutation() {
  const refresh = useRefreshAfterDecision();
  return $api.useMutation('post', '/api/v1/assets/{id}/reject', {
    onSuccess: (asset) => refresh(asset.id),
  });
}

export function useReverifyMutation() {
  const refresh = useRefreshAfterDecision();
  return $api.useMutation('post', '/api/v1/assets/{id}/reverify', {
    onSuccess: (asset) => refresh(asset.id),
  });
}
