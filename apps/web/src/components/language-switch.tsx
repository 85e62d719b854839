import { VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '@/i18n';
import classes from './language-switch.module.css';

const LANGUAGES = [
  { value: 'id', short: 'ID', name: 'Bahasa Indonesia' },
  { value: 'en', short: 'EN', name: 'English' },
] as const;

/**
 * Bahasa Indonesia / English; the choice is kept for the next visit. Two native radio buttons
 * drawn as a segmented switch (arrow keys and Space work as in any radio group). The header shows
 * "ID"/"EN" (full names for screen readers); `withNames` shows the full names on screen too.
 */
export function LanguageSwitch({
  size = 'xs',
  withNames = false,
}: {
  size?: 'xs' | 'sm';
  withNames?: boolean;
}) {
  const { t } = useTranslation();
  const name = useId();
  const current = currentLanguage();
  return (
    <div
      role="radiogroup"
      aria-label={t('language.label')}
      className={classes.root}
      data-size={size}
    >
      {LANGUAGES.map((lang) => (
        <label key={lang.value} className={classes.option} lang={lang.value}>
          <input
            type="radio"
            name={name}
            value={lang.value}
            checked={current === lang.value}
            onChange={() => void changeLanguage(lang.value)}
            className={classes.input}
          />
          {withNames ? (
            <span className={classes.text}>{lang.name}</span>
          ) : (
            <span className={classes.text}>
              <span aria-hidden>{lang.short}</span>
              <VisuallyHidden>{lang.name}</VisuallyHidden>
            </span>
          )}
        </label>
      ))}
    </div>
  );
}
