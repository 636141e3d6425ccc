import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import {
  ApiError,
  kbArticle,
  kbSuggestions,
  recordKbUse,
  type KbSuggestions as Suggestions,
  type SearchHit,
  type TicketUseKind,
} from '../api';
import { markdownToText, snippetHtml } from '../lib/markdown';

/**
 * Uses an article for the ticket: its answer inserted into the reply (INSERTED), its title and public
 * address (LINKED), or marked as the answer (ANSWERED); each recorded as a use of the article.
 */
export function articleUse({
  ticket,
  searchId,
  onInsert,
  loadArticle = kbArticle,
  record = recordKbUse,
  setStatus,
  t,
}: {
  ticket: string;
  searchId?: number | null;
  onInsert: (text: string) => void;
  loadArticle?: typeof kbArticle;
  record?: typeof recordKbUse;
  setStatus: (status: string) => void;
  t: TFunction;
}) {
  return async (hit: SearchHit, kind: TicketUseKind) => {
    try {
      if (kind === 'INSERTED') {
        const article = await loadArticle(hit.sourceId, searchId ?? undefined);
        const variant = article.variants.find((v) => v.language === hit.language) ?? article.variants[0];
        onInsert(markdownToText(variant?.body ?? ''));
      } else if (kind === 'LINKED') {
        const address = hit.audience === 'PUBLIC' ? ` ${window.location.origin}/self-service/kb/${hit.sourceId}` : '';
        onInsert(`${hit.title}${address}`);
      }
      await record(hit.sourceId, ticket, kind, searchId);
      setStatus(t(`kbSuggest.done.${kind}`, { title: hit.title }));
    } catch {
      setStatus(t('kbSuggest.failed'));
    }
  };
}

const USE_BUTTON: Record<TicketUseKind, { label: string; text: string; style: string }> = {
  INSERTED: { label: 'kbSuggest.insertLabel', text: 'kbSuggest.insert', style: 'btn-outline-primary' },
  LINKED: { label: 'kbSuggest.linkLabel', text: 'kbSuggest.link', style: 'btn-outline-primary' },
  ANSWERED: { label: 'kbSuggest.answeredLabel', text: 'kbSuggest.answered', style: 'btn-outline-secondary' },
};

/**
 * Articles found for a ticket (suggested or searched): each with its title (a link to the article,
 * in a new tab), its snippet and one button per use; {@code marker} names the data attribute that
 * carries the article's id.
 */
export function KbHits({
  hits,
  searchId,
  use,
  kinds,
  marker,
}: {
  hits: SearchHit[];
  searchId?: number | null;
  use: (hit: SearchHit, kind: TicketUseKind) => Promise<void>;
  kinds: TicketUseKind[];
  marker: 'data-suggestion' | 'data-search-hit';
}) {
  const { t } = useTranslation();
  return (
    <ol className="list-unstyled mb-0">
      {hits.map((hit) => (
        <li key={`${hit.sourceId}-${hit.language}`} className="mb-3" {...{ [marker]: hit.sourceId }}>
          <h3 className="h6 mb-1">
            <Link
              to={`/kb/articles/${hit.sourceId}${searchId ? `?search=${searchId}` : ''}`}
              target="_blank"
              rel="noopener"
            >
              {hit.title}
            </Link>
          </h3>
          <p className="small mb-1" dangerouslySetInnerHTML={{ __html: snippetHtml(hit.snippet || hit.summary) }} />
          <div className="d-flex flex-wrap gap-2">
            {kinds.map((kind) => (
              <button
                key={kind}
                type="button"
                className={`btn ${USE_BUTTON[kind].style} btn-sm`}
                aria-label={t(USE_BUTTON[kind].label, { title: hit.title })}
                onClick={() => void use(hit, kind)}
              >
                {t(USE_BUTTON[kind].text)}
              </button>
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}

/**
 * Articles suggested for the ticket's subject and description, beside the work: one click inserts
 * an article's answer into the reply or links it, or marks it as the answer; each is recorded as a
 * use of the article (which teaches it the ticket's words).
 */
export function KbSuggestions({
  ticket,
  onInsert,
  load = kbSuggestions,
  loadArticle = kbArticle,
  record = recordKbUse,
}: {
  ticket: string;
  /** Adds text to the reply being written. */
  onInsert: (text: string) => void;
  load?: typeof kbSuggestions;
  loadArticle?: typeof kbArticle;
  record?: typeof recordKbUse;
}) {
  const { t } = useTranslation();
  const [suggestions, setSuggestions] = useState<Suggestions>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    // another ticket: its suggestions, not the last one's, and only its own answer
    setSuggestions(undefined);
    setError(undefined);
    load(ticket).then(
      (loaded) => !cancelled && setSuggestions(loaded),
      (failure: unknown) =>
        !cancelled &&
        setError(failure instanceof ApiError && failure.status === 503 ? t('kb.unavailable') : t('errors.generic')),
    );
    return () => {
      cancelled = true;
    };
  }, [ticket, load, t]);

  const use = articleUse({ ticket, searchId: suggestions?.searchId, onInsert, loadArticle, record, setStatus, t });

  return (
    <section className="card mb-3" aria-labelledby="kb-suggestions-title">
      <div className="card-body">
        <h2 id="kb-suggestions-title" className="h4 card-title">
          {t('kbSuggest.title')}
        </h2>
        {error && <p className="small mb-0">{error}</p>}
        {!error && !suggestions && <p className="small mb-0">{t('kbSuggest.loading')}</p>}
        {suggestions && suggestions.hits.length === 0 && <p className="small mb-0">{t('kbSuggest.none')}</p>}
        {suggestions && suggestions.hits.length > 0 && (
          <KbHits
            hits={suggestions.hits}
            searchId={suggestions.searchId}
            use={use}
            kinds={['INSERTED', 'LINKED', 'ANSWERED']}
            marker="data-suggestion"
          />
        )}
        <p className="small mt-2 mb-0" role="status">
          {status}
        </p>
      </div>
    </section>
  );
}
