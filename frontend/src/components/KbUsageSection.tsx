import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, kbUsageReport, type KbUsageReport } from '../api';

/**
 * How the knowledge base was used in the period: reads, searches, searches nothing answered (the
 * KB's gaps) and the share of helpful opinions, the most read articles and the commonest gaps.
 */
export function KbUsageSection({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const [usage, setUsage] = useState<KbUsageReport>();
  const [error, setError] = useState<string>();
  const count = (value: number) => value.toLocaleString(i18n.language);
  const percent = (value: number | null | undefined) =>
    value == null ? '—' : `${value.toLocaleString(i18n.language, { maximumFractionDigits: 1 })}%`;

  useEffect(() => {
    let cancelled = false;
    kbUsageReport(from, to)
      .then((loaded) => {
        if (cancelled) return;
        setUsage(loaded);
        setError(undefined);
      })
      .catch((failure: unknown) => {
        if (cancelled) return;
        setUsage(undefined);
        setError(failure instanceof ApiError ? failure.detail : t('errors.generic'));
      });
    return () => {
      cancelled = true;
    };
  }, [from, to, t]);

  const totals = usage?.totals;
  return (
    <section aria-labelledby="kb-usage-title" className="mt-4">
      <h2 id="kb-usage-title" className="h3">
        {t('kbUsage.title')}
      </h2>
      {error && (
        <div className="alert alert-warning" role="alert">
          {error}
        </div>
      )}
      {usage && totals && (
        <>
          <ul className="row list-unstyled g-3 mb-4" aria-label={t('kbUsage.totals')}>
            {[
              [
                'views',
                count(totals.internalViews + totals.publicViews),
                t('kbUsage.viewsSplit', { internal: count(totals.internalViews), public: count(totals.publicViews) }),
              ],
              ['searches', count(totals.searches), undefined],
              ['withoutResults', count(totals.searchesWithoutResults), undefined],
              [
                'helpful',
                percent(totals.helpfulPercent),
                t('kbUsage.opinions', { count: totals.helpful + totals.notHelpful }),
              ],
            ].map(([key, value, note]) => (
              <li key={key} className="col-6 col-md-3">
                <div className="card card-bg h-100">
                  <div className="card-body p-3">
                    <div className="small">{t(`kbUsage.tile.${key}`)}</div>
                    <div className="h3 mb-0" data-tile={`kb-${key}`}>
                      {value}
                    </div>
                    {note && <div className="small">{note}</div>}
                  </div>
                </div>
              </li>
            ))}
          </ul>
          <div className="row">
            <div className="col-lg-7 table-responsive">
              <table className="table table-sm">
                <caption>{t('kbUsage.topArticles')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('kbUsage.article')}</th>
                    <th scope="col">{t('kbUsage.category')}</th>
                    <th scope="col">{t('kbUsage.views')}</th>
                    <th scope="col">{t('kbUsage.helpfulPercent')}</th>
                    <th scope="col">{t('kbUsage.notHelpful')}</th>
                  </tr>
                </thead>
                <tbody>
                  {usage.topArticles.length === 0 && (
                    <tr>
                      <td colSpan={5}>{t('kbUsage.none')}</td>
                    </tr>
                  )}
                  {usage.topArticles.map((article) => (
                    <tr key={article.id}>
                      <th scope="row">
                        <Link to={`/kb/articles/${article.id}`}>{article.title ?? `#${article.id}`}</Link>
                      </th>
                      <td>{article.categoryName ?? '—'}</td>
                      <td>{count(article.views)}</td>
                      <td>{percent(article.helpfulPercent)}</td>
                      <td>{count(article.notHelpful)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="col-lg-5 table-responsive">
              <table className="table table-sm">
                <caption>{t('kbUsage.unanswered')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('kbUsage.query')}</th>
                    <th scope="col">{t('kbUsage.searches')}</th>
                  </tr>
                </thead>
                <tbody>
                  {usage.unansweredQueries.length === 0 && (
                    <tr>
                      <td colSpan={2}>{t('kbUsage.none')}</td>
                    </tr>
                  )}
                  {usage.unansweredQueries.map((query) => (
                    <tr key={query.query}>
                      <th scope="row">{query.query}</th>
                      <td>{count(query.searches)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="table table-sm">
                <caption>{t('kbUsage.topics')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('kbUsage.topic')}</th>
                    <th scope="col">{t('kbUsage.views')}</th>
                  </tr>
                </thead>
                <tbody>
                  {usage.topics.map((topic) => (
                    <tr key={topic.code ?? ''}>
                      <th scope="row">{topic.name ?? t('kbUsage.noTopic')}</th>
                      <td>{count(topic.views)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
