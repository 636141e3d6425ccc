import { useCallback, useEffect, useRef } from 'react';

/**
 * Stale responses are dropped: `begin()` before a request returns a check that stays true only while
 * no later request has begun (and the component is still mounted). Fast typing or switching sends
 * several requests whose answers may come back in any order; only the last one asked is shown.
 *
 * ```ts
 * const latest = useLatest();
 * const current = latest();
 * const result = await search(query);
 * if (current()) setResult(result);
 * ```
 */
export function useLatest(): () => () => boolean {
  const counter = useRef(0);
  useEffect(
    () => () => {
      counter.current += 1;
    },
    [],
  );
  return useCallback(() => {
    counter.current += 1;
    const mine = counter.current;
    return () => mine === counter.current;
  }, []);
}
