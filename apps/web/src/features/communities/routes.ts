import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requirePermission } from '@/app/route-guards';
import { validateDirectorySearch } from './directory-search';

/** Komunitas: the directory of communities of practice, filters in the URL. */
export const communitiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/komunitas',
  beforeLoad: requirePermission('cop:read'),
  validateSearch: validateDirectorySearch,
  component: lazyRouteComponent(() => import('./pages/communities-page'), 'CommunitiesPage'),
});

/** One CoP: leads, members, meetings by Triwulan, assets, join requests. */
export const copRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/komunitas/$id',
  beforeLoad: requirePermission('cop:read'),
  component: lazyRouteComponent(() => import('./pages/cop-page'), 'CopPage'),
});

/** Catat pertemuan: the CoP's leads and its host OPD's admins log a meeting. */
export const logMeetingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/komunitas/$id/catat',
  beforeLoad: requirePermission('cop:participate'),
  component: lazyRouteComponent(() => import('./pages/log-meeting-page'), 'LogMeetingPage'),
});

/** One meeting: readable by its attendees from any OPD, members, the host OPD. */
export const meetingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/komunitas/pertemuan/$id',
  beforeLoad: requirePermission('cop:read'),
  component: lazyRouteComponent(() => import('./pages/meeting-page'), 'MeetingPage'),
});
