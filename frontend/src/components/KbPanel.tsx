import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kbArticle, recordKbUse, searchKb, type SearchResult } from '../api';
import { KbHits, KbSuggestions, articleUse } from './KbSuggestions';
import { KbSearchForm } from './KbSearchForm';
import { useKbSearch } from './useKbSearch';

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
  search?: (q: string, lang: string) => Promise<SearchResult>;
  loadArticle?: typeof kbArticle;
  record?: typeof recordKbUse;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>();
  const { query, setQuery, result, error, onSubmit } = useKbSearch(search);
  const use = articleUse({ ticket, searchId: result?.searchId, onInsert, loadArticle, record, setStatus, t });

  return (
    <div className="kb-panel">
      <KbSuggestions ticket={ticket} onInsert={onInsert} loadArticle={loadArticle} record={record} />
      <section className="card mb-3" aria-labelledby="kb-panel-search-title">
        <div className="card-body">
          <h2 id="kb-panel-search-title" className="h4 card-title">
            {t('kbPanel.searchTitle')}
          </h2>
          <KbSearchForm id="kb-panel-query" query={query} setQuery={setQuery} onSubmit={onSubmit} small />
          {error && (
            <p className="small mb-0" role="alert">
              {error}
            </p>
          )}
          <div aria-live="polite">
            {result && result.hits.length === 0 && <p className="small mb-0">{t('kbPanel.none')}</p>}
            {result && result.hits.length > 0 && (
              <KbHits
                hits={result.hits}
                searchId={result.searchId}
                use={use}
                kinds={['INSERTED', 'LINKED']}
                marker="data-search-hit"
              />
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
