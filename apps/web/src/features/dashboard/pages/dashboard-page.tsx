import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '@/components/placeholder-page';

/** Placeholder until the dashboard feature is built (issue 13/14). */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  return <PlaceholderPage title={t('title')} message={t('placeholder')} />;
}
