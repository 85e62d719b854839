import { useQuery, useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api/client';

/**
 * Scores move with every assessment and every refolded day: read again on every visit (a few
 * seconds' grace, so the page does not refetch what its route's loader fetched a moment ago;
 * this browser's own changes invalidate them at once).
 */
const FRESH = { staleTime: 5_000 } as const;

/** The award years the caller may open (assessors and admins: all; others: the published). */
export function useAwardYears() {
  return $api.useQuery('get', '/api/v1/awards', {}, FRESH);
}

/** The year's rubric and finalisation (assessors and admins only). */
export function useAwardYear(year: number | undefined, enabled: boolean) {
  return $api.useQuery(
    'get',
    '/api/v1/awards/{year}',
    { params: { path: { year: year ?? 0 } } },
    { ...FRESH, enabled: enabled && !!year },
  );
}

export function useRanking(year: number | undefined, enabled = true) {
  return useQuery({ ...rankingQueryOptions(year ?? 0), enabled: enabled && !!year });
}

export function rankingQueryOptions(year: number) {
  return $api.queryOptions(
    'get',
    '/api/v1/awards/{year}/scores',
    { params: { path: { year } } },
    { ...FRESH, retry: false },
  );
}

export function useDrillDown(year: number, opdCode: string) {
  return useQuery(drillDownQueryOptions(year, opdCode));
}

export function drillDownQueryOptions(year: number, opdCode: string) {
  return $api.queryOptions(
    'get',
    '/api/v1/awards/{year}/scores/{opdCode}',
    { params: { path: { year, opdCode } } },
    { ...FRESH, retry: false },
  );
}

export function useAnomalies(year: number | undefined, enabled: boolean) {
  return $api.useQuery(
    'get',
    '/api/v1/metrics/anomalies',
    { params: { query: { year: year ?? 0 } } },
    { ...FRESH, enabled: enabled && !!year },
  );
}

export function useRestatement(year: number | undefined, enabled: boolean) {
  return $api.useQuery(
    'get',
    '/api/v1/awards/{year}/restatement',
    { params: { path: { year: year ?? 0 } } },
    { ...FRESH, enabled: enabled && !!year },
  );
}

/** After a score or the finalisation, the year's lists and pages are read again. */
function useRefreshAward() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [
        '/api/v1/awards',
        '/api/v1/awards/{year}',
        '/api/v1/awards/{year}/scores',
        '/api/v1/awards/{year}/scores/{opdCode}',
        '/api/v1/awards/{year}/restatement',
      ].map((path) => client.invalidateQueries({ queryKey: ['get', path] })),
    );
}

export function useAssess() {
  const refresh = useRefreshAward();
  return $api.useMutation('put', '/api/v1/awards/{year}/assessments/{opdCode}/{aspect}', {
    onSuccess: refresh,
  });
}

export function useFinalize() {
  const refresh = useRefreshAward();
  return $api.useMutation('post', '/api/v1/awards/{year}/finalize', { onSuccess: refresh });
}
