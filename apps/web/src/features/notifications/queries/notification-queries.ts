import { useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api/client';

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** One page of the caller's notifications, newest first, with the unread count. */
export function useNotificationsQuery(page: number) {
  return $api.useQuery('get', '/api/v1/notifications', {
    params: { query: { page, limit: NOTIFICATIONS_PAGE_SIZE } },
  });
}

/** After a read: the list and the bell's count are stale. */
function useRefreshAfterRead() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['get', '/api/v1/notifications'] }),
      client.invalidateQueries({ queryKey: ['get', '/api/v1/notifications/unread-count'] }),
    ]);
}

export function useMarkReadMutation() {
  const refresh = useRefreshAfterRead();
  return $api.useMutation('post', '/api/v1/notifications/{id}/read', { onSuccess: refresh });
}

export function useMarkAllReadMutation() {
  const refresh = useRefreshAfterRead();
  return $api.useMutation('post', '/api/v1/notifications/read-all', { onSuccess: refresh });
}

export function usePreferencesQuery() {
  return $api.useQuery('get', '/api/v1/notifications/preferences');
}

export function useSavePreferencesMutation() {
  const client = useQueryClient();
  return $api.useMutation('put', '/api/v1/notifications/preferences', {
    onSuccess: (data) =>
      client.setQueryData(['get', '/api/v1/notifications/preferences', {}], data),
  });
}
