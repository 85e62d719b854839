import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requirePermission } from '@/app/route-guards';

export const reviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tinjauan',
  beforeLoad: requirePermission('asset:verify'),
  component: lazyRouteComponent(() => import('./pages/review-queue-page'), 'ReviewQueuePage'),
});
