import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requirePermission } from '@/app/route-guards';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WriteSearch {
  /** The draft this page created (kept in the URL, so a reload finds it again). */
  aset?: string;
}

export const writeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tulis',
  validateSearch: (search: Record<string, unknown>): WriteSearch =>
    typeof search.aset === 'string' && UUID.test(search.aset) ? { aset: search.aset } : {},
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
