import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { DisplayLanguage } from '@/lib/format/wib';

/**
 * i18next with one namespace per feature: `locales/<lang>/<namespace>.json`, each file its own
 * lazily loaded chunk. Bahasa Indonesia is the default; the choice is kept in localStorage.
 * A component names its namespace (`useTranslation('search')`) and suspends until it is loaded.
 * To add a namespace: create both JSON files and add it to resources.d.ts.
 */
export const LANGUAGES: readonly DisplayLanguage[] = ['id', 'en'];
const STORAGE_KEY = 'lumbung.language';

const loaders = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

const lazyLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = loaders[`./locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`no ${language}/${namespace}.json`), false);
      return;
    }
    load().then(
      (file) => callback(null, file.default),
      (error: unknown) =>
        callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

function storedLanguage(): DisplayLanguage {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

/** The language the portal shows now. */
export function currentLanguage(): DisplayLanguage {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'id';
}

/** Switches the language, keeps the choice for next time and tells assistive tech (html lang). */
export async function changeLanguage(language: DisplayLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** Resolves once the shell's namespace (`common`) is loaded in the chosen language. */
export const i18nReady = i18n
  .use(lazyLocales)
  .use(initReactI18next)
  .init({
    lng: storedLanguage(),
    fallbackLng: 'id',
    supportedLngs: LANGUAGES,
    load: 'languageOnly',
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    react: { useSuspense: true },
  });

export { i18n };
