import type { ReactNode } from 'react';
import { NotFoundPage } from '@/app/not-found-page';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import type { SectionQuery } from '@/components/query-section';
import { isApiError } from '@/lib/api/errors';

/**
 * What a page about one asset shows until its queries have answered: the portal's "not found"
 * page when the API answers 404 (missing and not readable look the same), the API's error with
 * a retry under the page's title, or loading. `undefined` once every query has its data.
 */
export function assetPageState(
  title: string,
  queries: SectionQuery<unknown>[],
): ReactNode | undefined {
  if (queries.some((q) => q.isError && isApiError(q.error) && q.error.status === 404)) {
    return <NotFoundPage />;
  }
  const failed = queries.find((q) => q.isError);
  if (failed) {
    return (
      <>
        <PageHeader title={title} />
        <PageState kind="error" error={failed.error} onRetry={() => void failed.refetch()} />
      </>
    );
  }
  if (queries.some((q) => q.isPending)) return <PageState kind="loading" />;
  return undefined;
}
