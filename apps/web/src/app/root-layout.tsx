import { Container } from '@mantine/core';
import { Outlet, useRouter } from '@tanstack/react-router';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageState } from '@/components/page-state';
import { SessionExpiredModal } from '@/features/auth/components/session-expired-modal';
import { session } from '@/lib/auth/session';
import { queryClient } from '@/lib/query/query-client';
import { requestPageFocus } from '@/lib/route-focus';
import { AppHeader } from './app-header';
import classes from './root-layout.module.css';

/**
 * The shell: skip link, header with navigation, the routed page in <main>, and the sign-in modal
 * that appears over the page when the session expires (the page stays mounted).
 */
export function RootLayout() {
  const { t } = useTranslation();
  useRouteFocus();
  useFollowSession();
  return (
    <>
      <a className={classes.skipLink} href="#main">
        {t('skipToContent')}
      </a>
      <AppHeader />
      <main id="main" tabIndex={-1} className={classes.main}>
        <Container size="lg" px="md">
          <Suspense fallback={<PageState kind="loading" />}>
            <Outlet />
          </Suspense>
        </Container>
      </main>
      <SessionExpiredModal />
    </>
  );
}

/** After each client-side navigation, focus moves to the new page (see lib/route-focus.ts). */
function useRouteFocus(): void {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onResolved', (event) => {
        if (event.fromLocation && event.pathChanged) requestPageFocus();
      }),
    [router],
  );
}

/**
 * Signing in or out (here or in another tab) re-runs the route guards of the current page; after
 * signing out nothing fetched for the previous user stays in the cache.
 */
function useFollowSession(): void {
  const router = useRouter();
  useEffect(() => {
    let last = session.getState().status;
    return session.subscribe(() => {
      const now = session.getState().status;
      const changed = (last === 'anonymous') !== (now === 'anonymous');
      last = now;
      if (!changed) return;
      if (now === 'anonymous') queryClient.clear();
      void router.invalidate();
    });
  }, [router]);
}
