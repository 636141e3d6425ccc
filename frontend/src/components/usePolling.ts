import { useCallback, useEffect, useState } from 'react';

/**
 * Loads data now, again every `intervalMs`, and whenever `reload` is called; `error` holds the
 * message of the last failed load.
 */
export function usePolling<T>(load: () => Promise<T>, intervalMs: number, failure: string) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();

  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(undefined);
    } catch {
      setError(failure);
    }
  }, [load, failure]);

  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), intervalMs);
    return () => clearInterval(timer);
  }, [reload, intervalMs]);

  return { data, error, setError, reload };
}
