import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import it from './locales/it.json';
import en from './locales/en.json';
import fr from './locales/fr.json';

export const LANGUAGES = ['it', 'en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('sportello.language') : null;

void i18n.use(initReactI18next).init({
  resources: { it: { translation: it }, en: { translation: en }, fr: { translation: fr } },
  lng: stored === 'en' || stored === 'fr' ? stored : 'it',
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
i18n.on('languageChanged', (language) => {
  applyLanguage(language);
  localStorage.setItem('sportello.language', language);
});

export default i18n;
