import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, kbArticle, recordKbUse, searchKb, type SearchResult } from '../api';
import { snippetHtml } from '../lib/markdown';
import { useLatest } from '../lib/latest';
import { KbSuggestions, articleUse } from './KbSuggestions';
import { searchInReadersLanguage } from '../lib/kbLanguage';

/**
 * The knowledge base beside a ticket: the articles suggested for its subject and description, and a
 * search; one click inserts an article's answer into the reply box or links the article, recorded
 * as a use of the article.
 */
export function KbPanel({
  ticket,
  onInsert,
  search = searchKb,
  loadArticle = kbArticle,
  record = recordKbUse,
}: {
  ticket: string;
  onInsert: (text: string) => void;
  search?: typeof searchKb;
  loadArticle?: typeof kbArticle;
  record?: typeof recordKbUse;
}) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const latest = useLatest();
  const use = articleUse({ ticket, searchId: result?.searchId, onInsert, loadArticle, record, setStatus, t });

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

  return (
    <div className="kb-panel">
      <KbSuggestions ticket={ticket} onInsert={onInsert} loadArticle={loadArticle} record={record} />
      <section className="card mb-3" aria-labelledby="kb-panel-search-title">
        <div className="card-body">
          <h2 id="kb-panel-search-title" className="h4 card-title">
            {t('kbPanel.searchTitle')}
          </h2>
          <form role="search" onSubmit={(event) => void onSubmit(event)} className="d-flex gap-2 mb-2">
            <label htmlFor="kb-panel-query" className="visually-hidden">
              {t('kb.query')}
            </label>
            <input
              id="kb-panel-query"
              type="search"
              className="form-control form-control-sm"
              value={query}
              placeholder={t('kb.queryPlaceholder')}
              onChange={(event) => setQuery(event.target.value)}
            />
            <button type="submit" className="btn btn-primary btn-sm">
              {t('kb.search')}
            </button>
          </form>
          {error && (
            <p className="small mb-0" role="alert">
              {error}
            </p>
          )}
          <div aria-live="polite">
            {result && result.hits.length === 0 && <p className="small mb-0">{t('kbPanel.none')}</p>}
            {result && result.hits.length > 0 && (
              <ol className="list-unstyled mb-0">
                {result.hits.map((hit) => (
                  <li key={`${hit.sourceId}-${hit.language}`} className="mb-3" data-search-hit={hit.sourceId}>
                    <h3 className="h6 mb-1">
                      <Link
                        to={`/kb/articles/${hit.sourceId}${result.searchId ? `?search=${result.searchId}` : ''}`}
                        target="_blank"
                        rel="noopener"
                      >
                        {hit.title}
                      </Link>
                    </h3>
                    <p
                      className="small mb-1"
                      dangerouslySetInnerHTML={{ __html: snippetHtml(hit.snippet || hit.summary) }}
                    />
                    <div className="d-flex flex-wrap gap-2">
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        aria-label={t('kbSuggest.insertLabel', { title: hit.title })}
                        onClick={() => void use(hit, 'INSERTED')}
                      >
                        {t('kbSuggest.insert')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        aria-label={t('kbSuggest.linkLabel', { title: hit.title })}
                        onClick={() => void use(hit, 'LINKED')}
                      >
                        {t('kbSuggest.link')}
                      </button>
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </div>
          <p className="small mt-2 mb-0" role="status">
            {status}
          </p>
        </div>
      </section>
    </div>
  );
}
