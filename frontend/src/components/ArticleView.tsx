import { useTranslation } from 'react-i18next';
import type { Article } from '../api';
import { Markdown } from './Markdown';
import { DEFAULT_LANGUAGE } from '../i18n';

/** The article's title in the reader's language (else its first variant's). */
export function articleTitle(article: Article, language: string): string {
  return articleVariant(article, language)?.title ?? '';
}

/** The article's variant in the reader's language, else the Italian one, else its first. */
function articleVariant(article: Article, language: string) {
  const wanted = language.slice(0, 2);
  return (
    article.variants.find((v) => v.language === wanted) ??
    article.variants.find((v) => v.language === DEFAULT_LANGUAGE) ??
    article.variants[0]
  );
}

/** An article in the reader's language (else Italian), its body's Markdown rendered (sanitised). */
export function ArticleView({ article }: { article: Article }) {
  const { t, i18n } = useTranslation();
  const variant = articleVariant(article, i18n.language);
  if (!variant) return null;
  return (
    <article lang={variant.language}>
      <h1 className="h2">{variant.title}</h1>
      {variant.summary && <p className="lead">{variant.summary}</p>}
      <Markdown source={variant.body} />
      {article.tags.length > 0 && (
        <p className="mt-3 small">
          {t('kb.tags')}: {article.tags.join(', ')}
        </p>
      )}
    </article>
  );
}
