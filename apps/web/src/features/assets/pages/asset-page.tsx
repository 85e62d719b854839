import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '@/components/placeholder-page';

/** Placeholder until the asset page is built (its h1 will be the asset's title). */
export function AssetPage() {
  const { t } = useTranslation('assets');
  return <PlaceholderPage title={t('title')} message={t('placeholder')} />;
}
