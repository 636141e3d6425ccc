import type { SearchResult } from '../api';
import { DEFAULT_LANGUAGE, supportedLanguage } from '../i18n';

/**
 * A knowledge-base search in the reader's language; when no article is written in it, the Italian
 * ones (every article has its Italian variant), so that a German reader is never left with nothing.
 */
export async function searchInReadersLanguage(
  search: (q: string, lang: string) => Promise<SearchResult>,
  text: string,
  readerLanguage: string,
): Promise<SearchResult> {
  const language = supportedLanguage(readerLanguage) ?? DEFAULT_LANGUAGE;
  const found = await search(text, language);
  return found.total > 0 || language === DEFAULT_LANGUAGE ? found : search(text, DEFAULT_LANGUAGE);
}
