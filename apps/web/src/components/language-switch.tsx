import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '@/i18n';

/** Bahasa Indonesia / English; the choice is kept for the next visit. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.label')}
      value={currentLanguage()}
      onChange={(value) => void changeLanguage(value === 'en' ? 'en' : 'id')}
      data={[
        { value: 'id', label: <LanguageLabel lang="id" short="ID" name="Bahasa Indonesia" /> },
        { value: 'en', label: <LanguageLabel lang="en" short="EN" name="English" /> },
      ]}
    />
  );
}

/** "ID" on screen, "Bahasa Indonesia" to screen readers (each name in its own language). */
function LanguageLabel({ lang, short, name }: { lang: string; short: string; name: string }) {
  return (
    <span lang={lang}>
      <span aria-hidden>{short}</span>
      <VisuallyHidden>{name}</VisuallyHidden>
    </span>
  );
}
