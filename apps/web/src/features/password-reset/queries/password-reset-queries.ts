import { $api } from '@/lib/api/client';

/** POST /auth/password-reset: the code and the new password; ends every session of the user. */
export function useCompletePasswordResetMutation() {
  return $api.useMutation('post', '/api/v1/auth/password-reset');
}
