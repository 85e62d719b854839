import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requirePermission } from '@/app/route-guards';

export const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dasbor',
  beforeLoad: requirePermission('metrics:read'),
  component: lazyRouteComponent(() => import('./pages/dashboard-page'), 'DashboardPage'),
});
