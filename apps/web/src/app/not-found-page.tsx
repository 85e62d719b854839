import { useTranslation } from 'react-i18next';
import { ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { isForbidden } from './route-guards';

/** An unknown address, or a page the user's roles do not open (a guard's `FORBIDDEN`). */
export function NotFoundPage({ data }: { data?: unknown }) {
  const { t } = useTranslation();
  if (isForbidden(data))
    return (
      <>
        <PageHeader title={t('forbidden.title')} />
        <PageState kind="empty">{t('forbidden.body')}</PageState>
      </>
    );
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <PageState
        kind="empty"
        action={
          <ButtonLink to="/" variant="default">
            {t('notFound.backHome')}
          </ButtonLink>
        }
      >
        {t('notFound.body')}
      </PageState>
    </>
  );
}
