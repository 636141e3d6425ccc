import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type SearchResult } from '../api';
import { searchInReadersLanguage } from '../lib/kbLanguage';
import { useLatest } from '../lib/latest';

/**
 * A knowledge-base search box's state: the query, the last search's result (only the latest search
 * answers) and its error (the search engine unavailable, or another failure).
 */
export function useKbSearch(search: (q: string, lang: string) => Promise<SearchResult>) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult>();
  const [error, setError] = useState<string>();
  const latest = useLatest();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!query.trim()) return;
    setError(undefined);
    const current = latest();
    try {
      const found = await searchInReadersLanguage(search, query, i18n.language);
      if (current()) setResult(found);
    } catch (failure) {
      if (!current()) return;
      setResult(undefined);
      setError(failure instanceof ApiError && failure.status === 503 ? t('kb.unavailable') : t('errors.generic'));
    }
  }

  return { query, setQuery, result, error, onSubmit };
}
