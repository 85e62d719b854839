import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '@/components/placeholder-page';

/** Placeholder until the review feature is built (issue 13/14). */
export function ReviewQueuePage() {
  const { t } = useTranslation('review');
  return <PlaceholderPage title={t('title')} message={t('placeholder')} />;
}
