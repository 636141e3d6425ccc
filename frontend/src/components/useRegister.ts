import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type RegisterFilters = Record<string, string>;

/**
 * A register page's state: its filters, the rows the server returns for them (loaded again at each
 * change) and the error if loading failed. {@code load} must be a stable function (a module-level
 * API call), not a new closure at each render.
 */
export function useRegister<T>(load: (filters: RegisterFilters) => Promise<T[]>) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<RegisterFilters>({});
  const [rows, setRows] = useState<T[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    load(filters)
      .then((loaded) => !cancelled && setRows(loaded))
      .catch(() => !cancelled && setError(t('errors.generic')));
    return () => {
      cancelled = true;
    };
  }, [load, filters, t]);

  /** The change handler of the filter field {@code key}. */
  const set = (key: string) => (event: { target: { value: string } }) =>
    setFilters((current) => ({ ...current, [key]: event.target.value }));

  return { filters, rows, error, set };
}
