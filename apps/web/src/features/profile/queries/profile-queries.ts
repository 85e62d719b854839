import { $api } from '@/lib/api/client';

/** The signed-in user as the API knows them now (roles and OPD may have changed since sign-in). */
export function useMeQuery() {
  return $api.useQuery('get', '/api/v1/auth/me');
}
