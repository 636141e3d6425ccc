// The widget's texts, from the application's locale files: only their "chatWidget" section is
// bundled (JSON named imports are tree-shaken).
import { chatWidget as it } from '../locales/it.json';
import { chatWidget as en } from '../locales/en.json';
import { chatWidget as de } from '../locales/de.json';
import { chatWidget as fr } from '../locales/fr.json';

export type WidgetTexts = typeof it;

const all: Record<string, WidgetTexts> = { it, en, de, fr };

export function texts(language: string): WidgetTexts {
  return all[language] ?? it;
}
