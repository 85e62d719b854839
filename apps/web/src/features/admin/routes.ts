import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requirePermission } from '@/app/route-guards';
import { validateAuditSearch, validateInsightsSearch, validateUsersSearch } from './admin-search';

/** /admin opens the first section (users): every admin and OPD admin may read users. */
export const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  beforeLoad: (args) => {
    requirePermission('user:read')(args);
    throw redirect({ to: '/admin/pengguna', replace: true });
  },
});

export const adminUsersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/pengguna',
  beforeLoad: requirePermission('user:read'),
  validateSearch: validateUsersSearch,
  component: lazyRouteComponent(() => import('./pages'), 'UsersPage'),
});

export const adminUserRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/pengguna/$id',
  beforeLoad: requirePermission('user:read'),
  component: lazyRouteComponent(() => import('./pages'), 'UserPage'),
});

export const adminImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/impor',
  beforeLoad: requirePermission('user:manage'),
  component: lazyRouteComponent(() => import('./pages'), 'ImportPage'),
});

export const adminOpdsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/opd',
  beforeLoad: requirePermission('opd:manage'),
  component: lazyRouteComponent(() => import('./pages'), 'OpdsPage'),
});

export const adminSynonymsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/sinonim',
  beforeLoad: requirePermission('search:settings'),
  component: lazyRouteComponent(() => import('./pages'), 'SynonymsPage'),
});

export const adminInsightsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/wawasan',
  beforeLoad: requirePermission('search:insights'),
  validateSearch: validateInsightsSearch,
  component: lazyRouteComponent(() => import('./pages'), 'InsightsPage'),
});

export const adminJobsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/tugas',
  beforeLoad: requirePermission('jobs:manage'),
  component: lazyRouteComponent(() => import('./pages'), 'JobsPage'),
});

export const adminAuditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/audit',
  beforeLoad: requirePermission('audit:read'),
  validateSearch: validateAuditSearch,
  component: lazyRouteComponent(() => import('./pages'), 'AuditPage'),
});

/** Every admin route, for the router's tree. */
export const adminRoutes = [
  adminRoute,
  adminUsersRoute,
  adminUserRoute,
  adminImportRoute,
  adminOpdsRoute,
  adminSynonymsRoute,
  adminInsightsRoute,
  adminJobsRoute,
  adminAuditRoute,
] as const;
