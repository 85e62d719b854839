import { $api } from '@/lib/api/client';

/** Whether passwords and single sign-on are on here (fixed while the API runs). */
export function useSignInOptionsQuery() {
  return $api.useQuery('get', '/api/v1/auth/options', {}, { staleTime: Infinity });
}
