import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { kbGaps, kbWeakArticles, type KbGap, type KbWeakArticle } from '../api';

/**
 * For the KB's authors: what was searched from tickets or by citizens and led nowhere (gaps), and
 * the articles read often but rated unhelpful (weak articles), in a period.
 */
export function KbQualitySection({
  from,
  to,
  loadGaps = kbGaps,
  loadWeak = kbWeakArticles,
}: {
  from: string;
  to: string;
  loadGaps?: typeof kbGaps;
  loadWeak?: typeof kbWeakArticles;
}) {
  const { t, i18n } = useTranslation();
  const [gaps, setGaps] = useState<KbGap[]>();
  const [weak, setWeak] = useState<KbWeakArticle[]>();
  const [error, setError] = useState(false);
  const count = (value: number) => value.toLocaleString(i18n.language);

  useEffect(() => {
    let cancelled = false;
    Promise.all([loadGaps(from, to), loadWeak(from, to)]).then(
      ([loadedGaps, loadedWeak]) => {
        if (cancelled) return;
        setGaps(loadedGaps.gaps);
        setWeak(loadedWeak.articles);
      },
      () => !cancelled && setError(true),
    );
    return () => {
      cancelled = true;
    };
  }, [from, to, loadGaps, loadWeak]);

  return (
    <section aria-labelledby="kb-quality-title" className="mt-4">
      <h2 id="kb-quality-title" className="h4">
        {t('kbQuality.title')}
      </h2>
      {error && <p>{t('errors.generic')}</p>}
      {gaps && weak && (
        <div className="row">
          <div className="col-lg-6 table-responsive">
            <table className="table table-sm">
              <caption>{t('kbQuality.gaps')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kbUsage.query')}</th>
                  <th scope="col">{t('kbUsage.searches')}</th>
                  <th scope="col">{t('kbQuality.withoutResults')}</th>
                  <th scope="col">{t('kbQuality.tickets')}</th>
                </tr>
              </thead>
              <tbody>
                {gaps.length === 0 && (
                  <tr>
                    <td colSpan={4}>{t('kbUsage.none')}</td>
                  </tr>
                )}
                {gaps.map((gap) => (
                  <tr key={gap.query}>
                    <th scope="row">{gap.query}</th>
                    <td>{count(gap.searches)}</td>
                    <td>{count(gap.withoutResults)}</td>
                    <td>{count(gap.tickets)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="col-lg-6 table-responsive">
            <table className="table table-sm">
              <caption>{t('kbQuality.weak')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kbUsage.article')}</th>
                  <th scope="col">{t('kbUsage.views')}</th>
                  <th scope="col">{t('kbQuality.unhelpful')}</th>
                </tr>
              </thead>
              <tbody>
                {weak.length === 0 && (
                  <tr>
                    <td colSpan={3}>{t('kbUsage.none')}</td>
                  </tr>
                )}
                {weak.map((article) => (
                  <tr key={article.id}>
                    <th scope="row">
                      <Link to={`/kb/edit/${article.id}`}>{article.title ?? `#${article.id}`}</Link>
                    </th>
                    <td>{count(article.views)}</td>
                    <td>
                      {article.unhelpfulPercent.toLocaleString(i18n.language, { maximumFractionDigits: 1 })}% (
                      {count(article.notHelpful)}/{count(article.helpful + article.notHelpful)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
