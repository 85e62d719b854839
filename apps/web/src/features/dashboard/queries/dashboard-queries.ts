import { useQuery } from '@tanstack/react-query';
import { $api } from '@/lib/api/client';

/** One OPD's year: totals, each Triwulan, top assets, readers by OPD, the definitions. */
export function useOpdDetailQuery(code: string, year: number) {
  return useQuery({
    ...opdDetailQueryOptions(code, year),
    enabled: !!code,
    placeholderData: (previous) => previous,
  });
}

/** The detail query's key, fetcher and freshness (shared with the route's prefetch). */
export function opdDetailQueryOptions(code: string, year: number) {
  return $api.queryOptions(
    'get',
    '/api/v1/metrics/opds/{code}',
    { params: { path: { code }, query: { year } } },
    { staleTime: 60_000 },
  );
}

/** The OPD list for people who choose the OPD. */
export function useOpdsQuery(enabled: boolean) {
  return $api.useQuery('get', '/api/v1/opds', {}, { staleTime: 5 * 60_000, enabled });
}

/** Knowledge-at-risk coverage of the year (personal data: only with risk:read). */
export function useCoverageQuery(code: string, year: number, enabled: boolean) {
  return $api.useQuery(
    'get',
    '/api/v1/opds/{code}/knowledge-risk/coverage',
    { params: { path: { code }, query: { year } } },
    { enabled: enabled && !!code, staleTime: 0, retry: false },
  );
}
