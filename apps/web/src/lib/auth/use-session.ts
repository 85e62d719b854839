import { useSyncExternalStore } from 'react';
import type { Permission, SessionUser } from '@/lib/api/types';
import { session, type SessionState } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** The signed-in (or expired, being asked to sign in again) user; undefined when anonymous. */
export function useCurrentUser(): SessionUser | undefined {
  const state = useSession();
  return state.status === 'signedIn' || state.status === 'expired' ? state.user : undefined;
}

/** Whether the user's roles give a permission (the API still decides per object). */
export function hasPermission(user: SessionUser | undefined, permission: Permission): boolean {
  return !!user?.permissions.includes(permission);
}
