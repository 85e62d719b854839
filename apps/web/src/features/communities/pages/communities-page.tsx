import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '@/components/placeholder-page';

/** Placeholder until the communities feature is built (issue 13/14). */
export function CommunitiesPage() {
  const { t } = useTranslation('communities');
  return <PlaceholderPage title={t('title')} message={t('placeholder')} />;
}
