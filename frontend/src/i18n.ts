import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import it from './locales/it.json';
import en from './locales/en.json';
import de from './locales/de.json';
import fr from './locales/fr.json';

/**
 * The languages of the application, the default first. Adding one is its import above and one entry
 * here (plus `language.<code>` in every locale file: the switcher shows it).
 */
const MESSAGES = { it, en, de, fr } as const;

export type Language = keyof typeof MESSAGES;
export const LANGUAGES = Object.keys(MESSAGES) as Language[];
export const DEFAULT_LANGUAGE: Language = 'it';

/** The language among ours that a code names ("de-AT" → "de"), else undefined. */
export function supportedLanguage(code: string | null | undefined): Language | undefined {
  const base = code?.slice(0, 2).toLowerCase();
  return LANGUAGES.find((language) => language === base);
}

/** `?lang=de` in a link (say, from a German mail) wins over the language chosen earlier. */
function initialLanguage(): Language {
  const fromLink = typeof window !== 'undefined' ? new URLSearchParams(window.location.search).get('lang') : null;
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('sportello.language') : null;
  return supportedLanguage(fromLink) ?? supportedLanguage(stored) ?? DEFAULT_LANGUAGE;
}

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(MESSAGES).map(([language, translation]) => [language, { translation }])),
  lng: initialLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyLanguage(language: string) {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
  }
}
applyLanguage(i18n.language);
if (typeof localStorage !== 'undefined') localStorage.setItem('sportello.language', i18n.language);
i18n.on('languageChanged', (language) => {
  applyLanguage(language);
  localStorage.setItem('sportello.language', language);
});

export default i18n;
