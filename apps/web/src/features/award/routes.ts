import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';
import { requirePermission, requireSignIn } from '@/app/route-guards';
import { i18n } from '@/i18n';
import { parseYear, validateRankingSearch } from './award-search';

const prefetch = () => {
  void i18n.loadNamespaces('award');
  return import('./queries/award-prefetch');
};

/** The ranking (any signed-in ASN sees a published year; assessors and admins every year). */
export const awardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/penghargaan',
  beforeLoad: requireSignIn,
  validateSearch: validateRankingSearch,
  loaderDeps: ({ search }) => ({ tahun: search.tahun }),
  // Not awaited: the page shows its loading state while its texts and scores arrive.
  loader: ({ deps }) => {
    const loading = prefetch();
    if (deps.tahun) void loading.then((m) => m.prefetchRanking(deps.tahun as number));
  },
  component: lazyRouteComponent(() => import('./pages/award-page'), 'AwardPage'),
});

/** One OPD's scores with every input, the assessor history and the evidence (the API decides). */
export const awardOpdRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/penghargaan/$tahun/opd/$kode',
  beforeLoad: requireSignIn,
  params: {
    parse: (raw: { tahun: string; kode: string }) => ({
      tahun: parseYear(raw.tahun) ?? 0,
      kode: raw.kode.toUpperCase(),
    }),
    stringify: (params: { tahun: number; kode: string }) => ({
      tahun: String(params.tahun),
      kode: params.kode,
    }),
  },
  loader: ({ params }) => {
    if (params.tahun) void prefetch().then((m) => m.prefetchOpdScores(params.tahun, params.kode));
  },
  component: lazyRouteComponent(() => import('./pages/opd-page'), 'AwardOpdPage'),
});

/** The year's anomaly flags with their evidence (assessors and admins). */
export const awardAnomaliesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/penghargaan/$tahun/anomali',
  beforeLoad: requirePermission('metrics:read_all'),
  params: {
    parse: (raw: { tahun: string }) => ({ tahun: parseYear(raw.tahun) ?? 0 }),
    stringify: (params: { tahun: number }) => ({ tahun: String(params.tahun) }),
  },
  component: lazyRouteComponent(() => import('./pages/anomalies-page'), 'AwardAnomaliesPage'),
});
