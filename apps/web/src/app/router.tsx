import { createRouter } from '@tanstack/react-router';
import { PageState } from '@/components/page-state';
import { adminRoutes } from '@/features/admin/routes';
import { assetRevisionsRoute, assetRoute } from '@/features/assets/routes';
import { signInRoute } from '@/features/auth/routes';
import { awardAnomaliesRoute, awardOpdRoute, awardRoute } from '@/features/award/routes';
import {
  communitiesRoute,
  copRoute,
  logMeetingRoute,
  meetingRoute,
} from '@/features/communities/routes';
import { dashboardRoute } from '@/features/dashboard/routes';
import { homeRoute } from '@/features/home/routes';
import { passwordResetRoute } from '@/features/password-reset/routes';
import { profileRoute } from '@/features/profile/routes';
import { reviewAssetRoute, reviewRoute } from '@/features/review/routes';
import { expertiseRoute, riskRoute } from '@/features/risk/routes';
import { searchRoute } from '@/features/search/routes';
import { editAssetRoute, writeRoute } from '@/features/write/routes';
import { queryClient } from '@/lib/query/query-client';
import { rootRoute } from './root-route';
import { RouteError } from './route-error';

/**
 * The route tree (code-based). Each feature declares its routes in features/<f>/routes.ts with
 * its page as a lazy component, so every page is its own chunk, loaded on first visit.
 */
const routeTree = rootRoute.addChildren([
  homeRoute,
  signInRoute,
  passwordResetRoute,
  searchRoute,
  assetRoute,
  assetRevisionsRoute,
  editAssetRoute,
  writeRoute,
  reviewRoute,
  reviewAssetRoute,
  profileRoute,
  communitiesRoute,
  copRoute,
  logMeetingRoute,
  meetingRoute,
  dashboardRoute,
  awardRoute,
  awardOpdRoute,
  awardAnomaliesRoute,
  ...adminRoutes,
  riskRoute,
  expertiseRoute,
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPendingComponent: () => <PageState kind="loading" />,
  defaultErrorComponent: RouteError,
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
