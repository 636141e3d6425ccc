import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePolling } from './usePolling';

/** A load whose answer the test releases when it wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('usePolling', () => {
  it('keeps the newest load when an older one answers last', async () => {
    const unfiltered = deferred<string>();
    const filtered = deferred<string>();
    const { result, rerender } = renderHook(({ load }) => usePolling(load, 60_000, 'failed'), {
      initialProps: { load: () => unfiltered.promise },
    });
    // the operator applies a filter while the first page is still loading
    rerender({ load: () => filtered.promise });
    await act(async () => filtered.resolve('the filtered list'));
    await waitFor(() => expect(result.current.data).toBe('the filtered list'));
    await act(async () => unfiltered.resolve('the whole list'));
    expect(result.current.data).toBe('the filtered list');
  });

  it('reports a failure of the newest load only', async () => {
    const older = deferred<string>();
    const newer = deferred<string>();
    const { result, rerender } = renderHook(({ load }) => usePolling(load, 60_000, 'failed'), {
      initialProps: { load: () => older.promise },
    });
    rerender({ load: () => newer.promise });
    await act(async () => newer.resolve('fresh'));
    await act(async () => older.reject(new Error('too late')));
    expect(result.current.data).toBe('fresh');
    expect(result.current.error).toBeUndefined();

    // the newest load fails: that is reported, and the last list stays shown
    rerender({ load: () => Promise.reject(new Error('down')) });
    await waitFor(() => expect(result.current.error).toBe('failed'));
    expect(result.current.data).toBe('fresh');
  });
});
