import { useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api/client';
import type { DirectorySearch } from '../directory-search';

export const DIRECTORY_PAGE_SIZE = 20;

export function useDirectoryQuery(search: DirectorySearch) {
  return $api.useQuery(
    'get',
    '/api/v1/cops',
    {
      params: {
        query: {
          ...(search.opd ? { opd: search.opd } : {}),
          ...(search.tema ? { theme: search.tema } : {}),
          ...(search.q ? { q: search.q } : {}),
          page: search.hal ?? 1,
          limit: DIRECTORY_PAGE_SIZE,
        },
      },
    },
    { placeholderData: (previous) => previous },
  );
}

export function useOpdsQuery() {
  return $api.useQuery('get', '/api/v1/opds', {}, { staleTime: 5 * 60_000 });
}

export function useCopQuery(id: string) {
  return $api.useQuery('get', '/api/v1/cops/{id}', { params: { path: { id } } });
}

export function useMembersQuery(id: string) {
  return $api.useQuery('get', '/api/v1/cops/{id}/members', { params: { path: { id } } });
}

export function useMeetingsQuery(id: string, enabled: boolean) {
  return $api.useQuery(
    'get',
    '/api/v1/cops/{id}/meetings',
    { params: { path: { id } } },
    { enabled },
  );
}

export function useCopAssetsQuery(id: string) {
  return $api.useQuery('get', '/api/v1/assets', {
    params: { query: { cop: id, limit: 20 } },
  });
}

export function useJoinRequestsQuery(id: string, enabled: boolean) {
  return $api.useQuery(
    'get',
    '/api/v1/cops/{id}/join-requests',
    { params: { path: { id } } },
    { enabled, staleTime: 0 },
  );
}

export function useMeetingQuery(id: string) {
  return $api.useQuery('get', '/api/v1/meetings/{id}', { params: { path: { id } } });
}

/** The attendee picker's lookup (leads and host OPD admins only). */
export function usePeopleLookup(copId: string, q: string) {
  return $api.useQuery(
    'get',
    '/api/v1/cops/{id}/people',
    { params: { path: { id: copId }, query: { q: q.trim() } } },
    { enabled: q.trim().length >= 2, staleTime: 30_000, placeholderData: (previous) => previous },
  );
}

/** Output assets: the caller's own published assets and those filed under the CoP. */
export function useMyAssetsQuery() {
  return $api.useQuery('get', '/api/v1/assets', {
    params: { query: { mine: true, status: 'published', limit: 100 } },
  });
}

/** After a change to the CoP: its page, members, requests, meetings and activity are read again. */
export function useRefreshCop() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [
        '/api/v1/cops/{id}',
        '/api/v1/cops/{id}/members',
        '/api/v1/cops/{id}/join-requests',
        '/api/v1/cops/{id}/meetings',
        '/api/v1/cops/{id}/activity',
      ].map((path) => client.invalidateQueries({ queryKey: ['get', path] })),
    );
}

export const useRequestJoin = () => $api.useMutation('post', '/api/v1/cops/{id}/join-requests');
export const useAcceptJoin = () =>
  $api.useMutation('post', '/api/v1/cops/{id}/join-requests/{requestId}/accept');
export const useDeclineJoin = () =>
  $api.useMutation('post', '/api/v1/cops/{id}/join-requests/{requestId}/decline');
export const useAddMembers = () => $api.useMutation('post', '/api/v1/cops/{id}/members');
export const useRemoveMember = () =>
  $api.useMutation('delete', '/api/v1/cops/{id}/members/{userId}');
export const useCreateMeeting = () => $api.useMutation('post', '/api/v1/cops/{id}/meetings');
