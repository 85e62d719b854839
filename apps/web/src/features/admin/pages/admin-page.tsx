import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '@/components/placeholder-page';

/** Placeholder until the admin feature is built (issue 13/14). */
export function AdminPage() {
  const { t } = useTranslation('admin');
  return <PlaceholderPage title={t('title')} message={t('placeholder')} />;
}
