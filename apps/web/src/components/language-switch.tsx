import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '@/i18n';

/**
 * Bahasa Indonesia / English; the choice is kept for the next visit. The header shows "ID"/"EN"
 * (full names for screen readers); `withNames` shows the full names on screen too.
 */
export function LanguageSwitch({
  size = 'xs',
  withNames = false,
}: {
  size?: 'xs' | 'sm';
  withNames?: boolean;
}) {
  const label = (lang: string, short: string, name: string) =>
    withNames ? (
      <span lang={lang}>{name}</span>
    ) : (
      <LanguageLabel lang={lang} short={short} name={name} />
    );
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.label')}
      value={currentLanguage()}
      onChange={(value) => void changeLanguage(value === 'en' ? 'en' : 'id')}
      data={[
        { value: 'id', label: label('id', 'ID', 'Bahasa Indonesia') },
        { value: 'en', label: label('en', 'EN', 'English') },
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
