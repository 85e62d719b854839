import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requirePermission } from '@/app/route-guards';

export const communitiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/komunitas',
  beforeLoad: requirePermission('cop:read'),
  component: lazyRouteComponent(() => import('./pages/communities-page'), 'CommunitiesPage'),
});
