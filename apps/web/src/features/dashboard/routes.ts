import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requirePermission } from '@/app/route-guards';
import { i18n } from '@/i18n';
import { validateDashboardSearch, wibYear } from './dashboard-search';

/** Dasbor OPD: the OPD's year and each Triwulan in numbers and charts (metrics:read). */
export const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dasbor',
  beforeLoad: requirePermission('metrics:read'),
  validateSearch: validateDashboardSearch,
  loaderDeps: ({ search }) => ({ opd: search.opd, tahun: search.tahun }),
  // Not awaited: the page renders its loading state at once while its texts, data and ECharts
  // load side by side with its chunk.
  loader: ({ context, deps }) => {
    const { user } = context;
    const code = (user.permissions.includes('metrics:read_all') && deps.opd) || user.opdCode || '';
    void i18n.loadNamespaces('dashboard');
    void import('./queries/dashboard-prefetch').then((m) =>
      m.prefetchDashboard(code, deps.tahun ?? wibYear()),
    );
  },
  component: lazyRouteComponent(() => import('./pages/dashboard-page'), 'DashboardPage'),
});
