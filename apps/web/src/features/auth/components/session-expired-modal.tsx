import { lazy, Suspense } from 'react';
import { useSession } from '@/lib/auth/use-session';

const SessionExpiredDialog = lazy(() =>
  import('./session-expired-dialog').then((m) => ({ default: m.SessionExpiredDialog })),
);

/**
 * Over the current page when the session has expired: signing in again resumes the requests that
 * waited for it, and the page below (with whatever was typed) never unmounts. Cancelling leaves
 * the portal signed out. The dialog (Mantine's Modal and the form) loads only when needed.
 */
export function SessionExpiredModal() {
  const state = useSession();
  if (state.status !== 'expired') return null;
  return (
    <Suspense fallback={null}>
      <SessionExpiredDialog expired={state.user} />
    </Suspense>
  );
}
