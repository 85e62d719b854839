import { $api } from '@/lib/api/client';

/** One OPD's year: totals, each Triwulan, top assets, readers by OPD, the definitions. */
export function useOpdDetailQuery(code: string, year: number) {
  return $api.useQuery(
    'get',
    '/api/v1/metrics/opds/{code}',
    { params: { path: { code }, query: { year } } },
    { enabled: !!code, staleTime: 60_000, placeholderData: (previous) => previous },
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
