import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requirePermission } from '@/app/route-guards';
import { validateDashboardSearch } from './dashboard-search';

/** Dasbor OPD: the OPD's year and each Triwulan in numbers and charts (metrics:read). */
export const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dasbor',
  beforeLoad: requirePermission('metrics:read'),
  validateSearch: validateDashboardSearch,
  component: lazyRouteComponent(() => import('./pages/dashboard-page'), 'DashboardPage'),
});
