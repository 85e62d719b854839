import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';

const route = getRouteApi('/cari');

/** Placeholder until search is built: shows the query it was opened with. */
export function SearchPage() {
  const { t } = useTranslation('search');
  const { q } = route.useSearch();
  return (
    <>
      <PageHeader title={t('title')} description={q ? t('query', { q }) : undefined} />
      <PageState kind="empty">{t('placeholder')}</PageState>
    </>
  );
}
