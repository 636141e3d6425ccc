import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { kbArticle, kbFeedback, publicKbArticle, publicKbFeedback, type Article, type Me } from '../api';
import { ArticleView, articleTitle } from '../components/ArticleView';
import { KbFeedback } from '../components/KbFeedback';
import { Layout } from '../components/Layout';
import { useDocumentTitle } from '../components/useDocumentTitle';

/** One article: for operators (`/kb/articles/:id`) or, without login, for citizens (`/self-service/kb/:id`). */
export function KbArticlePage({ user }: { user?: Me }) {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const search = Number(params.get('search')) || undefined;
  const [article, setArticle] = useState<Article | null>();

  useEffect(() => {
    (user ? kbArticle : publicKbArticle)(Number(id), search).then(setArticle, () => setArticle(null));
  }, [id, user, search]);

  useDocumentTitle(article ? articleTitle(article, i18n.language) : article === null ? t('kb.notFound') : undefined);

  return (
    <Layout user={user}>
      <p>
        <Link to={user ? '/kb' : '/self-service/kb'}>{t('kb.backToSearch')}</Link>
      </p>
      {article === null && (
        <div className="alert alert-warning" role="alert">
          {t('kb.notFound')}
        </div>
      )}
      {article && <ArticleView article={article} />}
      {article?.status === 'PUBLISHED' && (
        <KbFeedback key={article.id} articleId={article.id} send={user ? kbFeedback : publicKbFeedback} />
      )}
    </Layout>
  );
}
