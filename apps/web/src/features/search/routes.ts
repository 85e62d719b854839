import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';

/** The search's state lives in the URL (shareable, Back works): `/cari?q=…` plus filters. */
export interface SearchParams {
  q?: string;
}

export const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cari',
  validateSearch: (search: Record<string, unknown>): SearchParams => {
    const q = typeof search.q === 'string' ? search.q.trim().slice(0, 200) : '';
    return q ? { q } : {};
  },
  component: lazyRouteComponent(() => import('./pages/search-page'), 'SearchPage'),
});
