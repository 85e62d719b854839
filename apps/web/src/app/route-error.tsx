import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { ForbiddenError } from './route-guards';

/** What a route shows when its guard, loader or component fails. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  if (error instanceof ForbiddenError) {
    return (
      <>
        <PageHeader title={t('forbidden.title')} />
        <PageState kind="empty">{t('forbidden.body')}</PageState>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('errors.title')} />
      <PageState kind="error" error={error} onRetry={reset} />
    </>
  );
}
