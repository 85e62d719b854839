import { useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api/client';
import type { AuditSearch, InsightsSearch, UsersSearch } from '../admin-search';

export const USERS_PAGE_SIZE = 20;
export const AUDIT_PAGE_SIZE = 25;

/** Administration data changes under other admins' hands: read it fresh. */
const FRESH = { staleTime: 0 } as const;

export function useUsersQuery(search: UsersSearch) {
  return $api.useQuery(
    'get',
    '/api/v1/users',
    {
      params: {
        query: {
          ...(search.q ? { q: search.q } : {}),
          ...(search.opd ? { opd: search.opd } : {}),
          ...(search.peran ? { role: search.peran } : {}),
          ...(search.aktif ? { active: search.aktif === 'ya' } : {}),
          page: search.hal ?? 1,
          limit: USERS_PAGE_SIZE,
        },
      },
    },
    { ...FRESH, placeholderData: (previous) => previous },
  );
}

export function useUserQuery(id: string) {
  return $api.useQuery('get', '/api/v1/users/{id}', { params: { path: { id } } }, FRESH);
}

export function useOpdsQuery() {
  return $api.useQuery('get', '/api/v1/opds', {}, { staleTime: 60_000 });
}

function useRefreshUsers() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['get', '/api/v1/users'] }),
      client.invalidateQueries({ queryKey: ['get', '/api/v1/users/{id}'] }),
    ]);
}

export function useCreateUser() {
  const refresh = useRefreshUsers();
  return $api.useMutation('post', '/api/v1/users', { onSuccess: refresh });
}

export function useUpdateUser() {
  const refresh = useRefreshUsers();
  return $api.useMutation('patch', '/api/v1/users/{id}', { onSuccess: refresh });
}

export function useStartPasswordReset() {
  return $api.useMutation('post', '/api/v1/users/{id}/password-reset');
}

export function useUpdateOpd() {
  const client = useQueryClient();
  return $api.useMutation('patch', '/api/v1/opds/{code}', {
    onSuccess: () => client.invalidateQueries({ queryKey: ['get', '/api/v1/opds'] }),
  });
}

export function useSynonymsQuery() {
  return $api.useQuery('get', '/api/v1/search/synonyms', {}, FRESH);
}

export function useSaveSynonyms() {
  const client = useQueryClient();
  return $api.useMutation('put', '/api/v1/search/synonyms', {
    onSuccess: (data) => client.setQueryData(['get', '/api/v1/search/synonyms', {}], data),
  });
}

export function useInsightsQuery(search: InsightsSearch) {
  return $api.useQuery(
    'get',
    '/api/v1/search/insights',
    {
      params: {
        query: {
          ...(search.opd ? { opd: search.opd } : {}),
          ...(search.dari ? { from: `${search.dari}T00:00:00+07:00` } : {}),
          ...(search.sampai ? { to: `${nextDay(search.sampai)}T00:00:00+07:00` } : {}),
        },
      },
    },
    { ...FRESH, placeholderData: (previous) => previous },
  );
}

/** The API's `to` is exclusive; the page's "sampai" day is included. */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function useDeadJobsQuery() {
  return $api.useQuery(
    'get',
    '/api/v1/admin/jobs',
    { params: { query: { status: 'dead', limit: 200 } } },
    FRESH,
  );
}

export function useRetryJob() {
  const client = useQueryClient();
  return $api.useMutation('post', '/api/v1/admin/jobs/{id}/retry', {
    onSuccess: () => client.invalidateQueries({ queryKey: ['get', '/api/v1/admin/jobs'] }),
  });
}

export function useAuditQuery(search: AuditSearch) {
  return $api.useQuery(
    'get',
    '/api/v1/admin/audit',
    {
      params: {
        query: {
          ...(search.pelaku ? { actor: search.pelaku } : {}),
          ...(search.tindakan ? { action: search.tindakan } : {}),
          ...(search.jenis ? { entity: search.jenis } : {}),
          ...(search.id ? { entityId: search.id } : {}),
          ...(search.dari ? { from: search.dari } : {}),
          ...(search.sampai ? { to: search.sampai } : {}),
          page: search.hal ?? 1,
          limit: AUDIT_PAGE_SIZE,
        },
      },
    },
    { ...FRESH, placeholderData: (previous) => previous },
  );
}
