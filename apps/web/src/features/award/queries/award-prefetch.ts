import { preloadCharts } from '@/components/chart';
import { queryClient } from '@/lib/query/query-client';
import { drillDownQueryOptions, rankingQueryOptions } from './award-queries';

/**
 * Started by the routes' loaders, so the scores (and the OPD page's radar chart code) download
 * while the page's own chunk loads, instead of after the page first renders.
 */
export function prefetchRanking(year: number): void {
  void queryClient.prefetchQuery(rankingQueryOptions(year));
}

export function prefetchOpdScores(year: number, opdCode: string): void {
  preloadCharts();
  prefetchRanking(year);
  void queryClient.prefetchQuery(drillDownQueryOptions(year, opdCode));
}
