import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';

/** One asset; public assets are readable without signing in. */
export const assetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/aset/$id',
  component: lazyRouteComponent(() => import('./pages/asset-page'), 'AssetPage'),
});
