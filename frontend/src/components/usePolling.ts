import { useCallback, useEffect, useState } from 'react';
import { useLatest } from '../lib/latest';

/**
 * Loads data now, again every `intervalMs`, and whenever `reload` is called; `error` holds the
 * message of the last failed load. Only the newest load's answer lands: an older, slower one (the
 * list before a filter was applied, say) never overwrites what a later load showed.
 */
export function usePolling<T>(load: () => Promise<T>, intervalMs: number, failure: string) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const latest = useLatest();

  const reload = useCallback(async () => {
    const current = latest();
    try {
      const loaded = await load();
      if (!current()) return;
      setData(loaded);
      setError(undefined);
    } catch {
      if (current()) setError(failure);
    }
  }, [load, failure, latest]);

  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), intervalMs);
    return () => clearInterval(timer);
  }, [reload, intervalMs]);

  return { data, error, setError, reload };
}
