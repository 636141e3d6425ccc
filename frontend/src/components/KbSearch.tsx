import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SearchResult } from '../api';
import { snippetHtml } from '../lib/markdown';
import { KbSearchForm } from './KbSearchForm';
import { useKbSearch } from './useKbSearch';

/**
 * A search box and its results; each result links to `${linkBase}/<id>` (with the search's id, so
 * that the gap report knows the search found something). Snippets without Markdown markup.
 */
export function KbSearch({
  search,
  linkBase,
}: {
  search: (q: string, lang: string) => Promise<SearchResult>;
  linkBase: string;
}) {
  const { t } = useTranslation();
  const { query: text, setQuery: setText, result, error, onSubmit } = useKbSearch(search);

  return (
    <section aria-labelledby="kb-search-title">
      <h2 id="kb-search-title" className="h4">
        {t('kb.searchTitle')}
      </h2>
      <KbSearchForm id="kb-query" query={text} setQuery={setText} onSubmit={onSubmit} />
      {error && (
        <div className="alert alert-warning" role="alert">
          {error}
        </div>
      )}
      {result && (
        <div aria-live="polite">
          <p>{result.total === 1 ? t('kb.foundOne', { count: 1 }) : t('kb.foundMany', { count: result.total })}</p>
          <ol className="list-unstyled">
            {result.hits.map((hit) => (
              <li key={`${hit.sourceId}-${hit.language}`} className="mb-3">
                <h3 className="h5 mb-1">
                  <Link to={`${linkBase}/${hit.sourceId}${result.searchId ? `?search=${result.searchId}` : ''}`}>
                    {hit.title}
                  </Link>
                </h3>
                <p
                  className="mb-0 small"
                  dangerouslySetInnerHTML={{ __html: snippetHtml(hit.snippet || hit.summary) }}
                />
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
