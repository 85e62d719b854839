import { useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api/client';
import type { RegisterSearch } from '../register-search';

export const REGISTER_PAGE_SIZE = 20;

/** The API's query for the register, from the URL's search (the export takes the same). */
export function registerQuery(search: RegisterSearch) {
  return {
    ...(search.q ? { q: search.q } : {}),
    ...(search.tinggi ? { high: true } : {}),
    ...(search.jenis ? { kind: search.jenis } : {}),
    ...(search.rencana ? { planState: search.rencana } : {}),
    ...(search.dalam ? { withinMonths: search.dalam } : {}),
    ...(search.urut ? { sort: search.urut } : {}),
    ...(search.arah ? { order: search.arah } : {}),
  };
}

/** Departures are personal data and plans move: always read fresh. */
const FRESH = { staleTime: 0 } as const;

export function useRegisterQuery(code: string, search: RegisterSearch) {
  return $api.useQuery(
    'get',
    '/api/v1/opds/{code}/knowledge-risk',
    {
      params: {
        path: { code },
        query: { ...registerQuery(search), page: search.hal ?? 1, limit: REGISTER_PAGE_SIZE },
      },
    },
    { ...FRESH, placeholderData: (previous) => previous },
  );
}

export function useOpdsQuery(enabled: boolean) {
  return $api.useQuery('get', '/api/v1/opds', {}, { staleTime: 5 * 60_000, enabled });
}

export function usePlanQuery(id: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/v1/retention-plans/{id}',
    { params: { path: { id: id ?? '' } } },
    { ...FRESH, enabled: !!id },
  );
}

export function usePeopleSearch(q: string) {
  return $api.useQuery(
    'get',
    '/api/v1/search/people',
    { params: { query: { q } } },
    { enabled: q.trim().length >= 2, staleTime: 30_000, placeholderData: (previous) => previous },
  );
}

export function useExpertiseQuery(id: string) {
  return $api.useQuery('get', '/api/v1/people/{id}/expertise', { params: { path: { id } } });
}

/** After any change to a plan, the register and the plan are read again. */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['get', '/api/v1/opds/{code}/knowledge-risk'] }),
      client.invalidateQueries({ queryKey: ['get', '/api/v1/retention-plans/{id}'] }),
    ]);
}

export function useCreatePlan() {
  const refresh = useRefresh();
  return $api.useMutation('post', '/api/v1/retention-plans', { onSuccess: refresh });
}

export function useUpdatePlan() {
  const refresh = useRefresh();
  return $api.useMutation('patch', '/api/v1/retention-plans/{id}', { onSuccess: refresh });
}

export function useMarkInterviewed() {
  const refresh = useRefresh();
  return $api.useMutation('post', '/api/v1/retention-plans/{id}/interviewed', {
    onSuccess: refresh,
  });
}

export function useCancelPlan() {
  const refresh = useRefresh();
  return $api.useMutation('post', '/api/v1/retention-plans/{id}/cancel', { onSuccess: refresh });
}
