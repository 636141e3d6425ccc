import { useTranslation } from 'react-i18next';
import type { Article } from '../api';
import { Markdown } from './Markdown';

/** The article's title in the reader's language (else its first variant's). */
export function articleTitle(article: Article, language: string): string {
  const wanted = language.startsWith('en') ? 'en' : 'it';
  return (article.variants.find((v) => v.language === wanted) ?? article.variants[0])?.title ?? '';
}

/** An article in the reader's language (else Italian), its body's Markdown rendered (sanitised). */
export function ArticleView({ article }: { article: Article }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'it';
  const variant = article.variants.find((v) => v.language === language) ?? article.variants[0];
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
