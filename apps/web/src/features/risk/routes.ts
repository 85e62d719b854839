import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requirePermission, requireSignIn } from '@/app/route-guards';
import { validateRegisterSearch } from './register-search';

/** Pengetahuan berisiko: the OPD's register of who leaves with what (personal data: risk:read). */
export const riskRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/berisiko',
  beforeLoad: requirePermission('risk:read'),
  validateSearch: validateRegisterSearch,
  component: lazyRouteComponent(() => import('./pages/register-page'), 'RegisterPage'),
});

/** A person's expertise: topics with the evidence behind them. */
export const expertiseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orang/$id',
  beforeLoad: requireSignIn,
  component: lazyRouteComponent(() => import('./pages/expertise-page'), 'ExpertisePage'),
});
