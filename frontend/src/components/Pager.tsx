import { useTranslation } from 'react-i18next';

/** Previous and next page of a paged list, with "page N of M"; nothing for a single page. */
export function Pager({
  page,
  totalPages,
  onPage,
  label,
}: {
  /** The page shown, from 0 */
  page: number;
  totalPages: number;
  onPage: (page: number) => void;
  /** The navigation's name */
  label: string;
}) {
  const { t } = useTranslation();
  if (totalPages <= 1) return null;
  return (
    <nav className="d-flex gap-2 align-items-center" aria-label={label}>
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        disabled={page === 0}
        onClick={() => onPage(page - 1)}
      >
        {t('inbox.previous')}
      </button>
      <span>{t('inbox.page', { page: page + 1, pages: totalPages })}</span>
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        disabled={page + 1 >= totalPages}
        onClick={() => onPage(page + 1)}
      >
        {t('inbox.next')}
      </button>
    </nav>
  );
}
