import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requireSignIn } from '@/app/route-guards';

export interface NotificationsSearch {
  hal?: number;
}

export const notificationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/notifikasi',
  beforeLoad: requireSignIn,
  validateSearch: (search: Record<string, unknown>): NotificationsSearch => {
    const hal = Number(search.hal);
    return Number.isInteger(hal) && hal > 1 && hal <= 10_000 ? { hal } : {};
  },
  component: lazyRouteComponent(() => import('./pages/notifications-page'), 'NotificationsPage'),
});
