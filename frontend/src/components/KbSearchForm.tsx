import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The knowledge base's search box: a labelled search field and its button (`small` beside a ticket). */
export function KbSearchForm({
  id,
  query,
  setQuery,
  onSubmit,
  small = false,
}: {
  id: string;
  query: string;
  setQuery: (query: string) => void;
  onSubmit: (event: FormEvent) => Promise<void> | void;
  small?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <form
      role="search"
      onSubmit={(event) => void onSubmit(event)}
      className={`d-flex gap-2 ${small ? 'mb-2' : 'mb-3'}`}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('kb.query')}
      </label>
      <input
        id={id}
        type="search"
        className={small ? 'form-control form-control-sm' : 'form-control'}
        value={query}
        placeholder={t('kb.queryPlaceholder')}
        onChange={(event) => setQuery(event.target.value)}
      />
      <button type="submit" className={small ? 'btn btn-primary btn-sm' : 'btn btn-primary'}>
        {t('kb.search')}
      </button>
    </form>
  );
}
