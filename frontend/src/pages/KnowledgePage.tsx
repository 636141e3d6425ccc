import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { myArticles, searchKb, type Article, type Me } from '../api';
import { calendarDate } from '../calendar';
import { KbQualitySection } from '../components/KbQualitySection';
import { KbSearch } from '../components/KbSearch';
import { Layout } from '../components/Layout';

export const isKbAuthor = (user: Me) => user.roles.some((role) => ['KB_EDITOR', 'KB_REVIEWER', 'ADMIN'].includes(role));

/** Operators search the knowledge base; authors also see their articles and start new ones. */
export function KnowledgePage({ user }: { user: Me }) {
  const { t } = useTranslation();
  const [articles, setArticles] = useState<Article[]>();
  const author = isKbAuthor(user);
  const to = calendarDate(user.zone);
  const from = calendarDate(user.zone, new Date(Date.now() - 29 * 24 * 3600_000));

  useEffect(() => {
    if (author)
      myArticles().then(
        (page) => setArticles(page.items),
        () => setArticles([]),
      );
  }, [author]);

  return (
    <Layout user={user}>
      <h1 className="h2">{t('kb.title')}</h1>
      <KbSearch search={searchKb} linkBase="/kb/articles" />
      {author && (
        <section aria-labelledby="kb-mine-title" className="mt-4">
          <div className="d-flex justify-content-between align-items-center">
            <h2 id="kb-mine-title" className="h4">
              {t('kb.mine')}
            </h2>
            <Link to="/kb/edit/new" className="btn btn-outline-primary btn-sm">
              {t('kb.newArticle')}
            </Link>
          </div>
          {articles?.length === 0 && <p>{t('kb.noArticles')}</p>}
          {articles && articles.length > 0 && (
            <table className="table">
              <caption className="visually-hidden">{t('kb.mine')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kb.articleTitle')}</th>
                  <th scope="col">{t('kb.status')}</th>
                  <th scope="col">{t('kb.version')}</th>
                </tr>
              </thead>
              <tbody>
                {articles.map((article) => (
                  <tr key={article.id}>
                    <td>
                      <Link to={`/kb/edit/${article.id}`}>{article.variants[0]?.title}</Link>
                    </td>
                    <td>{t(`kb.statuses.${article.status}`)}</td>
                    <td>{article.version}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {author && <KbQualitySection from={from} to={to} />}
    </Layout>
  );
}
