import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { parseSearchParams } from './search-params';

export const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cari',
  validateSearch: parseSearchParams,
  component: lazyRouteComponent(() => import('./pages/search-page'), 'SearchPage'),
});
