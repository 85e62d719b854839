import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requirePermission } from '@/app/route-guards';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WriteSearch {
  /** The draft this page created (kept in the URL, so a reload finds it again). */
  aset?: string;
  /** A title to start a new asset with (a search gap from the admin's insights). */
  judul?: string;
}

function validateWriteSearch(search: Record<string, unknown>): WriteSearch {
  if (typeof search.aset === 'string' && UUID.test(search.aset)) return { aset: search.aset };
  const title = typeof search.judul === 'string' ? search.judul.trim().slice(0, 300) : '';
  return title ? { judul: title } : {};
}

export const writeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tulis',
  validateSearch: validateWriteSearch,
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
