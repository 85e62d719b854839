import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requirePermission } from '@/app/route-guards';
import { REVIEW_TABS, type ReviewTab } from './review-tabs';

/** The open list and its page live in the URL (`/tinjauan?daftar=lewat-tenggat&hal=2`). */
export interface ReviewSearch {
  daftar?: ReviewTab;
  hal?: number;
}

export const reviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tinjauan',
  beforeLoad: requirePermission('asset:verify'),
  validateSearch: (search: Record<string, unknown>): ReviewSearch => {
    const daftar = REVIEW_TABS.find((tab) => tab === search.daftar);
    const hal = Number(search.hal);
    return {
      ...(daftar && daftar !== 'diajukan' ? { daftar } : {}),
      ...(Number.isInteger(hal) && hal > 1 && hal <= 10_000 ? { hal } : {}),
    };
  },
  component: lazyRouteComponent(() => import('./pages/review-queue-page'), 'ReviewQueuePage'),
});

/** One submission beside its template checklist, with the decision. */
export const reviewAssetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tinjauan/$id',
  beforeLoad: requirePermission('asset:verify'),
  component: lazyRouteComponent(() => import('./pages/review-asset-page'), 'ReviewAssetPage'),
});
