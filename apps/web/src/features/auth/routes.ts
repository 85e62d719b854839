import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { safeReturnPath } from '@/app/route-guards';
import { session } from '@/lib/auth/session';

export interface SignInSearch {
  /** Where to go after signing in (a same-origin path). */
  kembali?: string;
  /** Back from single sign-on: `ok`, or the API's refusal code (SSO_UNKNOWN_USER…). */
  sso?: string;
}

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/masuk',
  validateSearch: (search: Record<string, unknown>): SignInSearch => {
    const kembali = safeReturnPath(search.kembali);
    const sso =
      typeof search.sso === 'string' && /^(ok|SSO_[A-Z_]{1,40})$/.test(search.sso)
        ? search.sso
        : undefined;
    return { ...(kembali ? { kembali } : {}), ...(sso ? { sso } : {}) };
  },
  beforeLoad: ({ search }) => {
    if (session.getState().status === 'signedIn') {
      throw redirect({ href: search.kembali ?? '/' });
    }
  },
  component: lazyRouteComponent(() => import('./pages/sign-in-page'), 'SignInPage'),
});
