import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';

/** What a route shows when its guard, loader or component fails. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.title')} />
      <PageState kind="error" error={error} onRetry={reset} />
    </>
  );
}
