import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requirePermission } from '@/app/route-guards';

export const writeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tulis',
  beforeLoad: requirePermission('asset:contribute'),
  component: lazyRouteComponent(() => import('./pages/write-page'), 'WritePage'),
});

/** Editing an existing asset returns to the same form. */
export const editAssetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/aset/$id/ubah',
  beforeLoad: requirePermission('asset:contribute'),
  component: lazyRouteComponent(() => import('./pages/write-page'), 'EditAssetPage'),
});
