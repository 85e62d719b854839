import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';

/** One asset; public assets are readable without signing in. */
export const assetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/aset/$id',
  component: lazyRouteComponent(() => import('./pages/asset-page'), 'AssetPage'),
});

export interface RevisionsSearch {
  /** The older revision compared. */
  dari?: number;
  /** The newer revision compared. */
  ke?: number;
}

const revisionNumber = (value: unknown): number | undefined => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : undefined;
};

/** Its revisions and what changed between two of them (kept in the URL, to share a comparison). */
export const assetRevisionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/aset/$id/revisi',
  validateSearch: (search: Record<string, unknown>): RevisionsSearch => {
    const dari = revisionNumber(search.dari);
    const ke = revisionNumber(search.ke);
    return { ...(dari ? { dari } : {}), ...(ke ? { ke } : {}) };
  },
  component: lazyRouteComponent(() => import('./pages/revisions-page'), 'RevisionsPage'),
});
