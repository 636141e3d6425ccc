import { useTranslation } from 'react-i18next';
import type { Article } from '../api';

/** An article in the reader's language (else Italian), its body as written. */
export function ArticleView({ article }: { article: Article }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'it';
  const variant = article.variants.find((v) => v.language === language) ?? article.variants[0];
  if (!variant) return null;
  return (
    <article lang={variant.language}>
      <h1 className="h2">{variant.title}</h1>
      {variant.summary && <p className="lead">{variant.summary}</p>}
      <div style={{ whiteSpace: 'pre-wrap' }}>{variant.body}</div>
      {article.tags.length > 0 && (
        <p className="mt-3 small">
          {t('kb.tags')}: {article.tags.join(', ')}
        </p>
      )}
    </article>
  );
}
