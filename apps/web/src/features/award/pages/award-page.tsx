import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '@/components/placeholder-page';

/** Placeholder until the award feature is built (issue 13/14). */
export function AwardPage() {
  const { t } = useTranslation('award');
  return <PlaceholderPage title={t('title')} message={t('placeholder')} />;
}
