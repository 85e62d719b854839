import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requireSignIn } from '@/app/route-guards';

export const profileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/profil',
  beforeLoad: requireSignIn,
  component: lazyRouteComponent(() => import('./pages/profile-page'), 'ProfilePage'),
});
