import { useTranslation } from 'react-i18next';
import { ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';

export function NotFoundPage() {
  const { t } = useTranslation();
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
