import { preloadCharts } from '@/components/chart';
import { queryClient } from '@/lib/query/query-client';
import { opdDetailQueryOptions } from './dashboard-queries';

/**
 * Started by the route's loader, so the OPD's numbers and ECharts download while the page's own
 * chunk loads, instead of after the page first renders (the page's query then finds them cached).
 */
export function prefetchDashboard(code: string, year: number): void {
  preloadCharts();
  if (code) void queryClient.prefetchQuery(opdDetailQueryOptions(code, year));
}
