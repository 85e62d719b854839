import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '@/components/placeholder-page';

/** Placeholder until the write form is built. */
export function WritePage() {
  const { t } = useTranslation('write');
  return <PlaceholderPage title={t('title')} message={t('placeholder')} />;
}

/** Placeholder until editing is built (same form as WritePage). */
export function EditAssetPage() {
  const { t } = useTranslation('write');
  return <PlaceholderPage title={t('editTitle')} message={t('placeholder')} />;
}
