import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requireSignIn } from '@/app/route-guards';

export const awardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/penghargaan',
  beforeLoad: requireSignIn,
  component: lazyRouteComponent(() => import('./pages/award-page'), 'AwardPage'),
});
